package org.ssaeinspector.spark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.export.ReportRow;

/**
 * How the rows of a Spark scoring job are written: the columns of {@code score}'s CSV
 * ({@link CsvReport#COLUMNS}) either way.
 */
public enum OutputFormat {
    /**
     * Text cells exactly as {@link CsvReport} writes them (six significant digits, formula
     * defusing), in RFC 4180 CSV with a header in each part file.
     */
    CSV {
        @Override
        StructType schema() {
            return new StructType(CsvReport.COLUMNS.stream()
                    .map(c -> DataTypes.createStructField(c, DataTypes.StringType, false))
                    .toArray(StructField[]::new));
        }

        @Override
        Row row(ReportRow r) {
            return RowFactory.create(CsvReport.cells(r).toArray());
        }

        @Override
        Map<String, String> writerOptions() {
            // Spark's defaults differ from RFC 4180 (backslash escapes, trimmed cells, "" for an empty cell).
            return Map.of("header", "true", "quote", "\"", "escape", "\"", "emptyValue", "",
                    "ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false", "lineSep", "\n",
                    "encoding", "UTF-8");
        }
    },
    /**
     * Typed columns for data tools: numbers unrounded, null where the CSV cell is empty (an image
     * that was not scored, no regions), text as it is (no spreadsheet defusing).
     */
    PARQUET {
        @Override
        StructType schema() {
            DataType[] types = {DataTypes.StringType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.BooleanType,
                DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.IntegerType,
                DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.BooleanType};
            StructField[] fields = new StructField[types.length];
            for (int i = 0; i < types.length; i++) {
                fields[i] = DataTypes.createStructField(CsvReport.COLUMNS.get(i), types[i], true);
            }
            return new StructType(fields);
        }

        @Override
        Row row(ReportRow r) {
            boolean scored = r.scored();
            int[] box = r.box();
            return RowFactory.create(r.path().toString(), scored ? r.score() : null, r.threshold(),
                    scored ? r.flagged() : null, r.label().csvValue(), r.defectType(),
                    scored ? r.regions().size() : null,
                    box == null ? null : box[0], box == null ? null : box[1], box == null ? null : box[2],
                    box == null ? null : box[3], scored ? r.defectAreaPx() : null, r.modelSha256(),
                    r.heatmap() == null ? null : r.heatmap().toString(), r.problem(), scored ? r.anotherShape() : null);
        }

        @Override
        Map<String, String> writerOptions() {
            return Map.of();
        }
    };

    abstract StructType schema();

    /** One image's row in this format's schema. */
    abstract Row row(ReportRow r);

    abstract Map<String, String> writerOptions();

    /** The name of Spark's data source. */
    String source() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named on the command line ({@code csv}, {@code parquet}). */
    public static OutputFormat parse(String name) {
        for (OutputFormat f : values()) {
            if (f.source().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new org.ssaeinspector.util.UserFacingException("unknown output format '" + name + "': use "
                + String.join(" or ", List.of("csv", "parquet")));
    }
}
