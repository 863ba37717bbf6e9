package org.ssaeinspector.spark;

/**
 * Keeps Spark's, Hadoop's and Parquet's INFO lines off the console when they log through this
 * program's slf4j-simple (embedded and client mode; a cluster's executors log as it sets up). A
 * level set on the command line ({@code -Dorg.slf4j.simpleLogger.log.org.apache.spark=info}) wins.
 */
final class SparkLogging {
    private static final String[] NOISY = {"org.apache.spark", "org.sparkproject", "org.apache.hadoop",
        "org.apache.parquet", "io.netty", "org.apache.commons.beanutils"};

    private SparkLogging() {
    }

    static void quiet() {
        for (String logger : NOISY) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }
}
