"""Apache Spark behind the explorer: the same queries on DataFrames, from a laptop to a cluster.

Nothing here is imported by the default install: ``pyspark`` (the ``[spark]``
extra) is imported only when a command runs with ``--engine spark``.

* :mod:`graph.spark.session`: which Spark (``--spark-master``, ``SPARK_MASTER``,
  an active session), its logs kept off the terminal;
* :mod:`graph.spark.frames`: a dataset as DataFrames, from a loaded dataset or
  from Parquet tables read by Spark itself (``--tables URI``), and the filters;
* :mod:`graph.spark.checks`: the rules checked in Spark on such tables;
* :mod:`graph.spark.algorithms`: degrees, PageRank, components and
  breadth-first search as DataFrame iterations;
* :mod:`graph.spark.queries`: ``stats``, ``centrality`` and ``path`` with the
  default engine's result shapes, plus ``"engine": "spark"``.

See docs/spark.md.
"""
