"""GDELT import at scale: N rows in the 2.0 layout, imported vs read by pyarrow's CSV reader.

Usage: python benchmarks/import_scale.py [ROWS] [--rows-path] [--spark]
(default 1,000,000 rows). Writes the generated file to a temporary folder, then runs, each
in its own process (peak memory is the process's maximum resident set): pyarrow.csv.read_csv
on the file, and graph's gdelt import of it (the batch path). Prints the seconds and peak
MiB of each and their ratios (the goal: import <= 3x the time, <= 2x the memory).
``--rows-path`` also times the row-at-a-time path (Python, no pyarrow), ``--spark`` the
import in Spark on local[2] (the session's start timed apart; peak memory is the Python
driver's only, the JVM is another process). Figures go in BENCHMARKS.md.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = ["USA", "GBR", "FRA", "DEU", "RUS", "UKR", "CHN", "IND", "BRA", "ZAF", "NGA", "IRN"]
TYPES = ["", "GOV", "MIL", "REB", "BUS", "MED", "OPP", "CVL"]
CODES = ["010", "036", "040", "042", "043", "051", "057", "061", "071", "111", "112", "120",
         "130", "138", "141", "163", "173", "190", "193", "0231", "0834"]  # fmt: skip


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write ``rows`` events in GDELT 2.0's 61-column layout (no header), the same every time."""
    chance = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(rows):
            cells = [""] * 61
            day = f"2024{chance.randint(1, 12):02d}{chance.randint(1, 28):02d}"
            cells[0], cells[1], cells[2], cells[3] = str(1_000_000 + number), day, day[:6], day[:4]
            cells[4] = f"{day[:4]}.5"
            for start in (5, 15):
                country, kind = chance.choice(COUNTRIES), chance.choice(TYPES)
                cells[start], cells[start + 1] = country + kind, f"{country} {kind}".strip()
                cells[start + 2], cells[start + 7] = country, kind
            code = chance.choice(CODES)
            cells[25], cells[26], cells[27], cells[28] = "1", code, code[:3], code[:2]
            cells[29], cells[30] = str(chance.randint(1, 4)), str(chance.choice([-5.0, 1.0, 3.4]))
            cells[31:35] = ["3", "1", "3", "-1.25"]
            cells[59] = day + "120000"
            cells[60] = f"https://news{number % 5000}.example.org/{number}"
            handle.write("\t".join(cells) + "\n")


PYARROW = """
import sys, time, resource
import pyarrow.csv as csv
start = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
table = csv.read_csv(sys.argv[1], read_options=csv.ReadOptions(autogenerate_column_names=True),
                     parse_options=csv.ParseOptions(delimiter="\\t"))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime - cpu)
"""
IMPORT = """
import sys, time, resource
import graph.importers as importers
from graph.importers import gdelt
from graph.importers.report import ImportReport
from graph.importers.tables_out import TableWriter
start = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
if sys.argv[3] == "rows":
    writer, report = TableWriter(sys.argv[2]), ImportReport("gdelt")
    gdelt.read_rows([__import__("pathlib").Path(sys.argv[1])], writer, report)
    writer.close(report.to_dict())
elif sys.argv[3] == "spark":
    from graph.spark.session import spark_session
    spark_session("local[2]")
    print("spark started in", time.perf_counter() - start, file=sys.stderr)
    start = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    importers.import_dataset("gdelt", [sys.argv[1]], sys.argv[2], engine="spark")
else:
    importers.import_dataset("gdelt", [sys.argv[1]], sys.argv[2])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime - cpu)
"""


def measure(script: str, *args: str) -> tuple[float, float, float]:
    """Return the seconds, peak MiB and CPU seconds (all threads) of a script's work."""
    out = subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True)
    sys.stderr.write(out.stderr.decode())
    seconds, mib, cpu = out.stdout.split()
    return float(seconds), float(mib), float(cpu)


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    rows = int(numbers[0]) if numbers else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "events.tsv"
        started = time.perf_counter()
        generate(source, rows)
        print(f"generated {rows:,} rows ({source.stat().st_size / 2**20:.0f} MiB) "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        arrow_s, arrow_mib, arrow_cpu = measure(PYARROW, str(source))
        ours_s, ours_mib, ours_cpu = measure(
            IMPORT, str(source), str(Path(folder) / "out"), "batches"
        )
        print(
            f"pyarrow read_csv: {arrow_s:.2f} s (CPU {arrow_cpu:.2f} s), peak {arrow_mib:.0f} MiB"
        )
        print(f"graph import:     {ours_s:.2f} s (CPU {ours_cpu:.2f} s), peak {ours_mib:.0f} MiB")
        print(
            f"ratio: time {ours_s / arrow_s:.1f}x (CPU {ours_cpu / arrow_cpu:.1f}x), "
            f"memory {ours_mib / arrow_mib:.2f}x"
        )
        for flag, path, label in (
            ("--rows-path", "rows", "row path"),
            ("--spark", "spark", "spark"),
        ):
            if flag in sys.argv:
                seconds, mib, _ = measure(IMPORT, str(source), str(Path(folder) / path), path)
                print(f"{label + ':':17} {seconds:.2f} s ({seconds / arrow_s:.1f}x), "
                      f"peak {mib:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
