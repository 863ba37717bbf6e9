package org.ssaeinspector.spark;

/**
 * Spark's warning that the host name resolves to the loopback says nothing to a user of embedded
 * Spark, which binds to the loopback on purpose: it is turned off there (slf4j-simple reads a
 * logger's level when the logger is made; a level given on the command line wins). On a cluster
 * it matters and stays. Spark's other output stays at warn (simplelogger.properties).
 */
final class SparkLogging {
    private static final String[] EMBEDDED_NOISE = {"org.apache.spark.util.Utils"};

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
