/// The report's stylesheet, inline: system fonts only (nothing fetched), maps full width on
/// screen, two side by side for before/after, and print rules that keep every map with its legend
/// on one page.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: #222; background: #fff; margin: 0 auto; max-width: 1000px; padding: 16px 24px; line-height: 1.4; }
        h1 { font-size: 1.6em; margin: 0.2em 0; }
        h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 1.6em; }
        h3 { font-size: 1.05em; }
        p.meta { color: #555; margin: 0.2em 0; font-size: 0.92em; }
        ul.assumptions li, ul.notes li { margin: 0.2em 0; }
        ul.notes { font-size: 0.92em; }
        figure.map { margin: 1em 0 1.6em 0; }
        figure.map figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.map-canvas { width: 100%; height: auto; display: block; background: #fff; }
        svg.map-canvas * { vector-effect: non-scaling-stroke; }
        svg.map-canvas text { font-family: system-ui, Arial, sans-serif; fill: #222; }
        svg.map-canvas .labels text { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        svg.map-canvas path:hover { stroke: #000; stroke-width: 1.5px; }
        .legend { font-size: 0.85em; margin-top: 4px; }
        .legend p.legend-title { margin: 0 0 2px 0; color: #555; }
        .legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 14px; }
        .legend li { display: flex; align-items: center; gap: 4px; }
        .legend svg.swatch { flex: none; }
        p.caption { font-size: 0.85em; color: #555; margin: 4px 0 0 0; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .pair figure.map { margin-top: 0.4em; }
        table { border-collapse: collapse; margin: 0.6em 0 1em 0; font-size: 0.9em; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; white-space: nowrap; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
        th { border-bottom: 1px solid #999; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; padding-left: 10px; }
        .not-assessed { color: #777; }
        footer { margin-top: 2em; font-size: 0.8em; color: #666; }
        @media print {
            @page { size: A4; margin: 12mm; }
            body { max-width: none; padding: 0; font-size: 10pt; }
            figure.map, table, .legend { break-inside: avoid; page-break-inside: avoid; }
            figure.map svg.map-canvas { max-height: 200mm; }
            .pair figure.map svg.map-canvas { max-height: 120mm; }
            h2 { break-after: avoid; page-break-after: avoid; }
            svg, .legend { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
