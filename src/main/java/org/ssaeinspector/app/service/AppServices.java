package org.ssaeinspector.app.service;

import org.ssaeinspector.app.interim.InterimHeatmapService;
import org.ssaeinspector.app.interim.InterimReportService;

/** The engine-side services the view models use, in one place (tests pass doubles). */
public record AppServices(EngineService engine, HeatmapService heatmaps, ReportService reports) {

    /** The real services. */
    public static AppServices real() {
        return new AppServices(new DjlEngineService(), new InterimHeatmapService(), new InterimReportService());
    }

    public AppServices withEngine(EngineService e) {
        return new AppServices(e, heatmaps, reports);
    }
}
