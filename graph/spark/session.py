"""Which Spark runs the queries, and keeping its log lines off the user's terminal.

:func:`spark_session` returns, in this order:

1. the active session, inside ``spark-submit``, ``pyspark`` or a notebook
   (its master and configuration are the user's; ``master`` is ignored);
   inside ``spark-submit`` before any session exists, the one its
   configuration describes;
2. a new session on ``master``, else ``$SPARK_MASTER``, else ``local[*]``.

A session this module starts runs its JVM with stdout and stderr sent to a
log file (:func:`log_path`), so Spark's own log lines never reach the
terminal; when Spark cannot start, :class:`SparkUnavailable` says why and
where that log is.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..engines.base import EngineError

__all__ = ["DEFAULT_MASTER", "SparkUnavailable", "log_path", "spark_session"]

DEFAULT_MASTER = "local[*]"
APP_NAME = "news-actor-graph"


class SparkUnavailable(EngineError):
    """pyspark is not installed, Java is missing, or the Spark master cannot be reached."""


def log_path() -> Path:
    """Return the file the JVM of a session we start writes its logs to.

    ``$GRAPH_SPARK_LOG`` when set, else ``spark.log`` in the user cache folder
    (``$XDG_CACHE_HOME/news-actor-graph``, by default ``~/.cache/news-actor-graph``).
    """
    if os.environ.get("GRAPH_SPARK_LOG"):
        return Path(os.environ["GRAPH_SPARK_LOG"])
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "news-actor-graph" / "spark.log"


def _open_log(log: Path):
    """Return the JVM's log file opened for writing, and how to name it in a message.

    Written as every output is (:func:`graph.files.open_in_place`): never
    through a symlink (its target would be overwritten), never a FIFO (the
    start would hang) or a device; those raise :class:`SparkUnavailable`.
    ``os.devnull`` is allowed, to discard the log. A log that cannot be
    written for another reason (a read-only cache) is discarded, and the
    message about a failed start says so.
    """
    from ..files import NotRegularFileError, open_in_place

    if str(log) == os.devnull:
        return open(os.devnull, "wb"), log
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        return open_in_place(log), log
    except NotRegularFileError as error:
        raise SparkUnavailable(
            f"cannot write Spark's log: {error.strerror} "
            "(remove it, or name another file in GRAPH_SPARK_LOG)"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        return open(os.devnull, "wb"), f"none ({log} cannot be written: {reason})"


def spark_session(master: str | None = None, progress: Callable[[str], None] | None = None):
    """Return the active SparkSession, or start one on ``master`` (see the module docstring).

    ``progress`` receives one line before a new session starts (Spark takes
    seconds to start); the library itself never prints.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable(
            "--engine spark needs pyspark: pip install 'news-actor-graph[spark]' "
            "(and Java 17 or later)"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if "PYSPARK_GATEWAY_PORT" in os.environ:
        # Inside spark-submit (or pyspark's shell): its JVM and configuration, its master.
        return SparkSession.builder.appName(APP_NAME).getOrCreate()
    master = master or os.environ.get("SPARK_MASTER") or DEFAULT_MASTER
    if progress:
        progress(f"starting Spark ({master})...")
    return _start(master)


def _start(master: str):
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway
    from pyspark.sql import SparkSession

    conf = SparkConf().setMaster(master).setAppName(APP_NAME)
    conf.set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    if master.startswith("local"):
        # Few, small partitions: one machine gains nothing from Spark's 200 by default.
        # Adaptive planning costs more than it saves on queries this small per step.
        conf.set("spark.sql.shuffle.partitions", "1")
        conf.set("spark.default.parallelism", "2")
        conf.set("spark.sql.adaptive.enabled", "false")
        conf.set("spark.driver.host", "127.0.0.1")
        conf.set("spark.driver.bindAddress", "127.0.0.1")
    log = log_path()
    sink, shown = _open_log(log)
    try:
        gateway = launch_gateway(conf, popen_kwargs={"stdout": sink, "stderr": sink})
        context = SparkContext(conf=conf, gateway=gateway)
    except Exception as error:  # pyspark raises RuntimeError subclasses and py4j errors
        raise SparkUnavailable(
            f"Spark could not start on {master} ({type(error).__name__}: {error}); "
            f"is Java 17 or later installed? Spark's log: {shown}"
        ) from None
    finally:
        sink.close()  # the JVM keeps its own descriptor
    context.setLogLevel("ERROR")
    return SparkSession.builder.getOrCreate()
