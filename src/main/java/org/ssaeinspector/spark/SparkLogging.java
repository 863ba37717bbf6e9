package org.ssaeinspector.spark;

/**
 * Two of Spark's start-up warnings say nothing to a user of embedded Spark, which binds to the
 * loopback and needs no native Hadoop: they are turned off there (slf4j-simple reads a logger's
 * level when the logger is made). A level given on the command line wins. Spark's and Hadoop's
 * other output stays at warn (simplelogger.properties).
 */
final class SparkLogging {
    private static final String[] EMBEDDED_NOISE = {"org.apache.spark.util.Utils", "org.apache.hadoop.util.NativeCodeLoader"};

    private SparkLogging() {
    }

    static void quietForEmbedded() {
        for (String logger : EMBEDDED_NOISE) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "error");
            }
        }
    }
}
