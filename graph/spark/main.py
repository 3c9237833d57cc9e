"""The script ``spark-submit`` runs: the ``graph`` command line, inside Spark's driver.

    spark-submit --master URL "$(python -c 'import graph.spark.main as m; print(m.__file__)')" \
        centrality --engine spark --tables hdfs://namenode:8020/corpus

The session spark-submit configured (master, memory, jars) is the one used;
see docs/spark.md.
"""

from graph.cli.main import main

if __name__ == "__main__":
    main()
