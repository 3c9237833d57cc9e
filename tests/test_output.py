"""The table, JSON and CSV renderers: alignment in terminal columns, safe text, exact floats."""

import json

from graph.display import encodable
from graph.output import Fields, Result, Table, display_width, render


def test_wide_characters_keep_tables_within_80_columns():
    rows = [
        {"id": f"a{i}", "name": "東京都庁の国際関係担当部局" * 3, "score": 0.5} for i in range(3)
    ]
    text = render(Result({}, [Table(["id", "name", "score"], rows)]), "table")
    assert max(display_width(line) for line in text.splitlines()) <= 80
    assert text.splitlines()[2].endswith("0.5")
    assert "…" in text


def test_wrapped_column_counts_wide_characters():
    rows = [{"id": "x", "evidence": "北京 " * 60}]
    text = render(Result({}, [Table(["id", "evidence"], rows, wrap="evidence")]), "table")
    lines = text.splitlines()
    assert len(lines) > 4
    assert all(display_width(line) <= 80 for line in lines)


def test_control_characters_are_shown_as_replacement_characters():
    rows = [{"name": "Free\x1b]0;pwned\x07donia \u202eevil"}]
    result = Result({}, [Table(["name"], rows)])
    assert render(result, "table").splitlines()[2] == "Free\ufffd]0;pwned\ufffddonia \ufffdevil"
    assert render(result, "csv").splitlines()[1] == "Free\ufffd]0;pwned\ufffddonia \ufffdevil"


def test_csv_keeps_every_digit_and_tables_round():
    result = Result({}, [Table(["score"], [{"score": 2 / 3}])])
    assert render(result, "csv") == "score\n0.6666666666666666\n"
    assert render(result, "table") == "score\n--------\n0.666667\n"


def test_fields_lines_have_no_trailing_spaces():
    text = render(Result({}, [Fields([("description", ""), ("name", "Ruritania")])]), "table")
    assert text == "description:\nname:        Ruritania\n"


def test_wrapping_never_overflows_or_orphans_a_combining_mark():
    from graph.output import _wrap

    assert _wrap("e\u0301" * 6 + " said", 5) == ["e\u0301" * 5, "e\u0301", "said"]
    arabic = "مُحَمَّدٌ" * 2 + " said"
    lines = _wrap(arabic, 7)
    assert all(display_width(line) <= 7 for line in lines)
    assert not any(line and display_width(line[0]) == 0 for line in lines)
    assert " ".join(lines) == "مُحَمَّدٌمُحَمَّ دٌ said"


def test_spreadsheet_escape_is_exactly_reversible():
    from graph.cells import FORMULA_STARTS, spreadsheet_safe, spreadsheet_unescape

    texts = ["", "'", "''", "a", "'a", "Türkiye", "1", "-0.5", "'-x"]
    texts += [start + rest for start in (*FORMULA_STARTS, "'") for rest in ("", "x", "'", "=")]
    for text in texts:
        safe = spreadsheet_safe(text)
        assert spreadsheet_unescape(safe) == text
        assert not safe.startswith(FORMULA_STARTS)
    assert [spreadsheet_safe(t) for t in ("=1", "+1", "-1", "@a", "\tx", "\rx", "'x", "x=")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "'\rx",
        "''x",
        "x=",
    ]


def test_a_column_is_cleaned_and_aligned_as_each_of_its_cells_would_be():
    # Columns are rendered a column at a time: one cell needing cleaning (spaces to fold, a
    # tab, a bidirectional override) among clean ones, and a column of mixed types.
    rows = [
        {"id": "a", "name": "Plain", "value": 1},
        {"id": "b", "name": "  two   spaces\there ", "value": 0.25},
        {"id": "c", "name": "r\u202el", "value": None},
        {"id": "d", "name": "Türkiye", "value": True},
        {"id": "e", "name": "東京", "value": ["x", 2.0]},
    ]
    result = Result({}, [Table(["id", "name", "value"], rows)])
    assert render(result, "table") == (
        "id  name             value\n"
        "--  ---------------  -----\n"
        "a   Plain            1\n"
        "b   two spaces here  0.25\n"
        "c   r\ufffdl\n"
        "d   Türkiye          yes\n"
        "e   東京             x, 2\n"
    )
    assert render(result, "csv") == (
        "id,name,value\na,Plain,1\nb,two spaces here,0.25\nc,r\ufffdl,\n"
        'd,Türkiye,yes\ne,東京,"x, 2"\n'
    )


def test_json_is_the_standard_librarys_indented_json_for_long_results():
    # Long lists of rows are encoded in C, laid out as indent=2 would lay them out.
    tricky = ["", "東京", '"},\x00{"', "\x00graph-json-0", "\\", "\n", "\ud800"]
    rows = [
        {"id": tricky[i % len(tricky)], "score": i / 7, "rank": i, "yes": i % 2 == 0, "x": None}
        for i in range(500)
    ]
    data = {
        "results": rows,
        "isolated": tricky * 100,
        "by": {"a": {str(i): i for i in range(100)}, "b": [{}] * 100},
        "nested": [{"scores": {"a": 1.5}}] * 100,
        "nan": [float("nan"), float("inf")] * 50,
    }
    expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert render(Result(data, []), "json") == encodable(expected)
    # A value spelling the marker the encoder puts in place of a list: still the same text.
    data["marker"] = "\x00graph-json-0"
    assert render(Result(data, []), "json") == encodable(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    )
