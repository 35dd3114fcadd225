package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AsOf;
import fi.collabmaturity.projection.maturity.ResultParts.DimensionCell;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.Overall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The areas × dimensions matrix of a wave, as the API answers it: every area (by id) with its cells. */
public record OverviewResult(String studyId, String waveId, AsOf asOf, FrameworkRef framework,
                             List<String> dimensions, List<Row> areas) {

    public record Row(String areaId, String name, String regionCode, String interfaceTheme, Overall overall,
                      String weakestDimension, Map<String, DimensionCell> dimensions) {

        /** The stored cell, its dimensions in the framework's order. */
        static Row of(StoredOverviewCell cell, List<String> order) {
            Map<String, DimensionCell> ordered = new LinkedHashMap<>();
            order.forEach(d -> {
                if (cell.dimensions().containsKey(d)) {
                    ordered.put(d, cell.dimensions().get(d));
                }
            });
            cell.dimensions().forEach(ordered::putIfAbsent);
            return new Row(cell.areaId(), cell.name(), cell.regionCode(), cell.interfaceTheme(), cell.overall(),
                    cell.weakestDimension(), ordered);
        }
    }
}
