"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import stat

import pytest

from graph.files import write_atomically


def test_writes_utf8_with_the_line_endings_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = write_atomically("page.html", "Türkiye\r\nline\n")
    assert written == tmp_path / "page.html"
    assert written.read_bytes() == "Türkiye\r\nline\n".encode()
    assert os.listdir(tmp_path) == ["page.html"]


def test_replaces_an_existing_file_with_the_usual_permissions(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, "new")
    assert target.read_text("utf-8") == "new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def refuse(source, destination):
        raise PermissionError("refused")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomically(target, "new")
    assert os.listdir(tmp_path) == ["page.html"]
    assert target.read_text("utf-8") == "old"


def test_text_that_cannot_be_encoded_leaves_nothing(tmp_path):
    with pytest.raises(UnicodeEncodeError):
        write_atomically(tmp_path / "page.html", "lone surrogate \udc80")
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "page.html", "text")
    assert os.listdir(tmp_path) == []


def test_a_symlink_keeps_pointing_at_the_replaced_file(tmp_path):
    import os

    from graph.files import write_atomically

    (tmp_path / "target.html").write_text("old")
    os.symlink("target.html", tmp_path / "link.html")
    write_atomically(tmp_path / "link.html", "new")
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "target.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "target.html"]


def test_an_existing_file_keeps_its_permissions(tmp_path):
    import os

    from graph.files import write_atomically

    private = tmp_path / "private.html"
    private.write_text("old")
    os.chmod(private, 0o600)
    write_atomically(private, "new")
    assert private.stat().st_mode & 0o777 == 0o600
    assert private.read_text() == "new"
