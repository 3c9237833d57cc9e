"""graph import: each importer on its fixture (counts, records checked by hand, the report),
every command on each imported dataset, and the FtM round trip."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli.main import cli
from graph.importers import ImportTargetError, import_dataset
from graph.importers.plover import read_records

FIXTURES = Path(__file__).parent / "fixtures"
PLOVER = FIXTURES / "plover" / "PLOVER_GSR_CAMEO.txt"
GDELT = FIXTURES / "gdelt" / "events.csv"
MATCHED = FIXTURES / "gdelt" / "matched"
ACLED = FIXTURES / "acled" / "synthetic.csv"


def rows(folder: Path, table: str) -> list[dict]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def relation_by_locator(folder: Path, locator: str) -> list[dict]:
    return [row for row in rows(folder, "relations") if row["locator"] == locator]


@pytest.fixture(scope="module")
def plover(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imports") / "plover"
    return folder, import_dataset("plover", [PLOVER], folder)


@pytest.fixture(scope="module")
def gdelt(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imports") / "gdelt"
    return folder, import_dataset("gdelt", [GDELT], folder)


@pytest.fixture(scope="module")
def matched(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imports") / "matched"
    report = import_dataset(
        "gdelt",
        [MATCHED / "events.tsv"],
        folder,
        mentions=MATCHED / "mentions.tsv",
        articles=MATCHED / "articles",
    )
    return folder, report


@pytest.fixture(scope="module")
def acled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imports") / "acled"
    return folder, import_dataset("acled", [ACLED], folder)


@pytest.fixture(scope="module")
def ftm(tmp_path_factory):
    base = tmp_path_factory.mktemp("imports")
    export = base / "seed.ftm.json"
    result = CliRunner().invoke(cli, ["export", "--format", "ftm", "-o", str(export)])
    assert result.exit_code == 0, result.output
    return base / "ftm", import_dataset("ftm", [export], base / "ftm"), export


# -- plover ------------------------------------------------------------------------------------


def test_plover_file_read_without_eval_keeps_all_records():
    records = read_records(PLOVER)
    assert len(records) == 323
    assert records[0]["event"] == "DOCUMENT"


def test_plover_counts_and_report(plover):
    folder, report = plover
    data = report.to_dict()
    assert data["rows_read"] == 322
    assert data["relations_made"] == 328
    assert data["evidence_states"] == {"asserted": 17, "verified": 311}
    assert data["skipped"] == {"no target actor": 15, "no source actor": 1}
    assert data["actors"] == 446 and data["types"] == 24 and data["documents"] == 306
    assert json.loads((folder / "import" / "report.json").read_text()) == data
    assert rows(folder, "dataset") == [{"key": "evidence_allowed", "value": "verified|asserted"}]


def test_plover_records_checked_by_hand(plover):
    folder, _ = plover
    # Compound sources, no target: one symmetric relation between them.
    [hungary] = relation_by_locator(folder, "PLOVER-GSR01-AGREE-0001")
    assert (hungary["src"], hungary["dst"], hungary["type"]) == (
        "hungov-hungarian",
        "rougov-romanian",
        "agree_together",
    )
    assert (hungary["sign"], hungary["symmetric"], hungary["evidence_state"]) == (
        "1",
        "true",
        "verified",
    )
    assert hungary["evidence"].startswith("Senior Hungarian and Romanian officials agreed")
    # An IGO (and a country with a sector) is keyed by code and name; a country by its code.
    [apec] = relation_by_locator(folder, "PLOVER-GSR01-AGREE-0002")
    assert (apec["src"], apec["dst"]) == ("igo-asia-pacific-economic-cooperation", "jap")
    [jordan] = relation_by_locator(folder, "PLOVER-GSR01-AGREE-0003")
    assert (jordan["src"], jordan["dst"], jordan["type"]) == ("usa", "jor", "agree_together")
    [sudan] = relation_by_locator(folder, "PLOVER-GSR01-AGREE-0031")
    assert (sudan["src"], sudan["dst"]) == (
        "sdngov-sudanese-government",
        "sdnreb-splm-a",
    )
    actors = {row["id"]: row for row in rows(folder, "actors")}
    assert actors["usa"]["name"] == "United States" and actors["usa"]["kind"] == "country"
    assert "United States" not in actors["usa"]["aliases"].split("|")
    assert actors["gbr"]["name"] == "United Kingdom" and "Britain" in actors["gbr"]["aliases"]
    assert actors["sdnreb-splm-a"]["kind"] == "armed_group"
    types = {row["name"]: row for row in rows(folder, "types")}
    assert (types["assault"]["sign"], types["aid"]["sign"], types["demand"]["sign"]) == (
        "-1",
        "1",
        "-1",
    )
    assert types["agree_together"]["symmetric"] == "true"
    attributes = {row["record"]: row for row in rows(folder / "import", "attributes")}
    assert attributes["PLOVER-GSR01-AGREE-0001"]["quad"] == "verbal cooperation"


def test_plover_at_least_274_verified(plover):
    folder, _ = plover
    states = [row["evidence_state"] for row in rows(folder, "relations")]
    assert states.count("verified") >= 274


def test_same_input_same_tables(plover, tmp_path):
    folder, _ = plover
    again = tmp_path / "again"
    import_dataset("plover", [PLOVER], again)
    for table in ("actors", "relations", "types", "kinds", "documents", "dataset"):
        assert (again / f"{table}.csv").read_bytes() == (folder / f"{table}.csv").read_bytes()


# -- gdelt -------------------------------------------------------------------------------------


def test_gdelt_counts_and_report(gdelt):
    folder, report = gdelt
    data = report.to_dict()
    assert data["rows_read"] == 710
    assert data["relations_made"] == 471
    assert data["skipped"] == {"one actor only": 239}
    assert data["evidence_states"] == {"asserted": 471}
    assert data["sign_disagreements"] == {
        "verbal cooperation with a neutral Goldstein score (-1 < score < 1)": 111,
        "cooperation (QuadClass 1-2) with a hostile Goldstein score": 11,
    }
    columns = [row["columns"] for row in rows(folder / "import", "attributes")]
    assert {count: columns.count(count) for count in set(columns)} == {"58": 317, "57": 154}


def test_gdelt_rows_checked_by_hand(gdelt):
    folder, _ = gdelt
    relations = rows(folder, "relations")
    attributes = rows(folder / "import", "attributes")
    by_event = {a["event_id"]: relations[int(a["relation"]) - 1] | a for a in attributes}
    # 1.0 row with SOURCEURL (58 columns): CAN -> USA, CAMEO 172, Goldstein -5.0.
    first = by_event["564111684"]
    assert (first["src"], first["dst"], first["type"], first["sign"]) == (
        "can",
        "usa",
        "impose_restrictions",
        "-1",
    )
    assert (first["quad_class"], first["goldstein"], first["date"]) == ("4", "-5.0", "2016-07-21")
    assert first["evidence_state"] == "asserted" and first["locator"] == "GLOBALEVENTID 564111684"
    # 57-column row (no SOURCEURL): CAMEO 1312 maps through its base code 131.
    old = by_event["1552839"]
    assert (old["src"], old["dst"], old["type"], old["document"]) == (
        "can",
        "pol",
        "threaten_non_force",
        "",
    )
    documents = {row["key"]: row["path"] for row in rows(folder, "documents")}
    assert documents[first["document"]].startswith("http")


def test_gdelt_header_row_is_skipped(tmp_path):
    from graph.importers.gdelt import EVENT_COLUMNS

    header = "\t".join([*EVENT_COLUMNS, *["x"] * 26])
    source = tmp_path / "with-header.tsv"
    source.write_text(header + "\n" + (MATCHED / "events.tsv").read_text())
    report = import_dataset("gdelt", [source], tmp_path / "out")
    assert (report.rows_read, report.relations_made) == (3, 3)


def test_gdelt_mentions_and_articles(matched):
    folder, report = matched
    assert report.to_dict()["evidence_states"] == {"asserted": 1, "located": 1, "verified": 1}
    france, kremlin, usa = rows(folder, "relations")
    assert france["evidence_state"] == "verified"
    assert france["evidence"] == (
        "France said it was ready to discuss a reassurance force with Britain."
    )
    assert kremlin["evidence_state"] == "located"
    assert kremlin["locator"].startswith("GLOBALEVENTID 900000002; sentence 3;")
    assert usa["evidence_state"] == "asserted"
    documents = {row["key"]: row["path"] for row in rows(folder, "documents")}
    assert documents[france["document"]].startswith("documents/")
    assert documents[kremlin["document"]] == "https://example.org/news/kremlin-criticises"


def test_gdelt_mentions_sample_reads(tmp_path):
    # The real Mentions sample (comma-separated, with its header) matches none of these events.
    report = import_dataset(
        "gdelt", [GDELT], tmp_path / "out", mentions=FIXTURES / "gdelt" / "mentionssamp.csv"
    )
    assert report.states == {"asserted": 471}


# -- acled -------------------------------------------------------------------------------------


def test_acled_counts_and_mapping(acled):
    folder, report = acled
    data = report.to_dict()
    assert (data["rows_read"], data["relations_made"]) == (8, 6)
    assert data["skipped"] == {"one actor only": 1, "unknown event type 'Made-up type'": 1}
    got = [(r["type"], r["sign"], r["date"]) for r in rows(folder, "relations")]
    assert got == [
        ("armed_clash", "-1", "2024-03-01"),
        ("air_strike", "-1", "2024-03-02"),
        ("attack_on_civilians", "-1", "2024-03-03"),
        ("violent_demonstration", "-1", "2024-03-05"),
        ("agreement", "1", "2024-03-06"),
        ("arrest", "0", "2024-03-07"),
    ]
    kinds = {row["id"]: row["kind"] for row in rows(folder, "actors")}
    assert kinds["military-forces-of-xland-2020"] == "military"
    assert kinds["civilians-xland"] == "civilians"


# -- ftm ---------------------------------------------------------------------------------------


def test_ftm_round_trip_is_equal(ftm):
    folder, report, _ = ftm
    assert report.relations_made == 75
    result = CliRunner().invoke(cli, ["diff", str(graph.seed_folder()), str(folder)])
    assert result.exit_code == 0, result.output


def test_ftm_export_entities(ftm):
    _, _, export = ftm
    entities = [json.loads(line) for line in export.read_text().splitlines()]
    schemata = {entity["schema"] for entity in entities}
    assert {"UnknownLink", "Article"} <= schemata
    link = next(entity for entity in entities if entity["schema"] == "UnknownLink")
    assert link["properties"]["proof"][0].startswith("graph-document-")
    assert link["properties"]["summary"]
    # ProjectParticipant takes a Project only: the seed has none, so its
    # participates_in relations are UnknownLinks with the type as their role.
    roles = [e["properties"].get("role") for e in entities if "participates_in" in str(e)]
    assert roles and all(role == ["participates_in"] for role in roles)
    membership = next(entity for entity in entities if entity["schema"] == "Membership")
    organisation = membership["properties"]["organization"][0]
    assert next(e for e in entities if e["id"] == organisation)["schema"] == "Organization"


# -- every command on every import -------------------------------------------------------------

COMMANDS = [
    ["validate"],
    ["stats"],
    ["centrality"],
    ["camps"],
    ["coverage"],
    ["export", "--format", "graphml"],
    ["export", "--format", "ftm"],
    ["html"],
]


@pytest.mark.parametrize("name", ["plover", "gdelt", "matched", "acled", "ftm"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_every_command_works_on_each_import(request, name, command, tmp_path):
    folder = request.getfixturevalue(name)[0]
    args = [*command]
    if command[0] in ("export", "html"):
        args += ["-o", str(tmp_path / ("page.html" if command[0] == "html" else "out"))]
    if command == ["coverage"] and name in ("gdelt", "acled"):
        # Their documents are URLs (or none): coverage reads a text named on the command line.
        args.append(str(MATCHED / "articles" / "reassurance-force.txt"))
    result = CliRunner().invoke(cli, [*args, "--data", str(folder)])
    assert result.exit_code == 0, result.output


# -- the command -------------------------------------------------------------------------------


def test_import_refuses_a_dataset_folder_without_replace(tmp_path):
    target = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["import", "acled", str(ACLED), "-o", str(target)])
    assert first.exit_code == 0, first.output
    assert "relations made:  6" in first.output
    again = runner.invoke(cli, ["import", "acled", str(ACLED), "-o", str(target)])
    assert again.exit_code == 2
    assert "already holds a dataset: give --replace" in again.output
    replaced = runner.invoke(cli, ["import", "acled", str(ACLED), "-o", str(target), "--replace"])
    assert replaced.exit_code == 0
    with pytest.raises(ImportTargetError):
        import_dataset("acled", [ACLED], target)


def test_bad_plover_file_is_a_located_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text('[\n  {"id": "x",\n   "event": }\n]\n')
    result = CliRunner().invoke(cli, ["import", "plover", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"{bad}:3:" in result.output
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_parquet_tables(tmp_path):
    pytest.importorskip("pyarrow")
    report = import_dataset("acled", [ACLED], tmp_path / "pq", table_format="parquet")
    assert (tmp_path / "pq" / "relations.parquet").is_file()
    assert graph.load_dataset(tmp_path / "pq").relations[0].type == "armed_clash"
    assert report.relations_made == 6


# -- FtM's own library -------------------------------------------------------------------------

FTM_PYTHON = Path(__file__).parent.parent / ".venv-ftm" / "bin" / "python"


FTM_CHECK = """
import json, sys
from followthemoney import model

entities = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
by_id = {entity["id"]: entity for entity in entities}
assert len(by_id) == len(entities), "ids repeat"
for data in entities:
    schema = model.get(data["schema"])
    assert schema is not None and not schema.abstract, data["schema"]
    for name in schema.required:
        assert data["properties"].get(name), (data["id"], "lacks", name)
    proxy = model.get_proxy(data)  # cleaned: every value checked by its property's type
    for name, values in data["properties"].items():
        prop = schema.get(name)
        assert prop is not None, (data["schema"], name, "is not a property")
        assert proxy.get(name) == values, (data["id"], name, values, proxy.get(name))
        if prop.type.name == "entity":
            for value in values:
                assert value in by_id, (data["id"], name, value, "is no entity")
                target = model.get(by_id[value]["schema"])
                assert target.is_a(prop.range), (data["id"], name, target.name, prop.range.name)
    again = model.get_proxy(proxy.to_dict())
    assert again.to_dict() == proxy.to_dict(), data["id"]
    assert again.to_dict()["properties"] == data["properties"], data["id"]
print(json.dumps(sorted({entity["schema"] for entity in entities})))
"""


def ftm_python() -> Path:
    ready = (
        FTM_PYTHON.exists()
        and (
            subprocess.run([str(FTM_PYTHON), "-c", "import followthemoney"], capture_output=True)
        ).returncode
        == 0
    )
    if not ready:
        pytest.skip("no .venv-ftm: scripts/install-ftm.sh builds it (followthemoney, Python 3.11+)")
    return FTM_PYTHON


def test_ftm_export_validated_by_followthemoney(ftm):
    # Every entity parsed by FtM's model: schema, required and known properties, values
    # kept by cleaning, references (proof, member, subject...) to entities of the range's
    # schema, and the proxy's own round trip.
    _, _, export = ftm
    result = subprocess.run(
        [str(ftm_python()), "-c", FTM_CHECK, str(export)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "Article",
        "LegalEntity",
        "Membership",
        "Organization",
        "Person",
        "Representation",
        "UnknownLink",
    ]


@pytest.mark.parametrize(
    ("name", "schemata"),
    [
        ("plover", ["Article", "LegalEntity", "Organization", "Person", "PublicBody"]),
        ("gdelt", ["Article", "LegalEntity", "Organization", "Person", "PublicBody"]),
        ("matched", ["Article", "LegalEntity", "PublicBody"]),
        ("acled", ["LegalEntity"]),
    ],
)
def test_ftm_export_of_imports_validated_by_followthemoney(name, schemata, request, tmp_path):
    # URL documents (sourceUrl), located and asserted relations, the importers' kinds.
    folder, _ = request.getfixturevalue(name)
    export = tmp_path / "out.ftm.json"
    result = CliRunner().invoke(
        cli, ["export", "--format", "ftm", "-o", str(export), "--data", str(folder)]
    )
    assert result.exit_code == 0, result.output
    checked = subprocess.run(
        [str(ftm_python()), "-c", FTM_CHECK, str(export)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == sorted([*schemata, "UnknownLink"])


def test_import_dataset_is_in_the_python_api():
    assert graph.import_dataset is import_dataset
