package org.ssaeinspector.spark;

import org.ssaeinspector.util.UserFacingException;

/**
 * Whether Apache Spark is on the class path. Spark is left out of the desktop installer and of
 * {@code target/lib}; this class names no Spark type, so the command line can ask it anywhere.
 */
public final class SparkClasspath {
    /** What to do without Spark (one line, the CLI prints it). */
    static final String HOW_TO_GET_IT = "spark-score needs Apache Spark, which the desktop app and its installer "
            + "leave out: build the Spark runner with 'mvn -B -Pspark package -DskipTests' and run "
            + "'java -jar target/ssae-inspector-spark.jar spark-score ...', or submit target/ssae-inspector-spark-job.jar "
            + "with spark-submit (docs/spark.md)";

    private SparkClasspath() {
    }

    public static boolean available() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkClasspath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @throws UserFacingException saying how to get Spark when it is not on the class path */
    public static void require() {
        if (!available()) {
            throw new UserFacingException(HOW_TO_GET_IT);
        }
    }
}
