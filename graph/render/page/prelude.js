// prelude.js: opens the page's script.
//
// The files of this folder are joined, in the order of PAGE_SCRIPT in
// graph/render/html.py, into the one script the page inlines (the CSP hash is
// computed over the joined text): no bundler, no build step. They share one
// function scope, opened here and closed by main.js, so a module uses what an
// earlier one declared by its name; each file's header says what it needs and
// what it gives. Every text from the dataset is shown with textContent (or
// drawn on the canvas), never parsed as HTML.
//
// Only the renderer module draws: the rest of the page asks it through the
// `renderer` object (docs/page.md, "Renderer interface").
//
// Needs: nothing.
// Gives: the global graphView (docs/page.md, "Scripting the page"), set by main.js;
// the renderer sets the globals of its own.
"use strict";

var graphView;

(function () {
