package org.ssaeinspector.app.service;

import org.ssaeinspector.app.interim.InterimDatasetService;
import org.ssaeinspector.app.interim.InterimHeatmapService;
import org.ssaeinspector.app.interim.InterimMetricsService;
import org.ssaeinspector.app.interim.InterimReportService;

/** The engine-side services the view models use, in one place (tests pass doubles). */
public record AppServices(EngineService engine, DatasetService datasets, MetricsService metrics,
                          HeatmapService heatmaps, ReportService reports) {

    /** The real services. */
    public static AppServices real() {
        return new AppServices(new DjlEngineService(), new InterimDatasetService(), new InterimMetricsService(),
                new InterimHeatmapService(), new InterimReportService());
    }

    public AppServices withEngine(EngineService e) {
        return new AppServices(e, datasets, metrics, heatmaps, reports);
    }
}
