#!/usr/bin/env python3
"""Renders a Grafana dashboard JSON to a PNG from a Prometheus server, for documentation where
Grafana itself is not at hand. Runs the dashboard's own queries; panels keep their grid places.

    /usr/bin/python3 ops/grafana/render-dashboard.py ops/grafana/dashboards/openintake.json \
        http://127.0.0.1:9090 docs/dashboard.png --minutes 10

Needs matplotlib (Debian: python3-matplotlib).
"""
import argparse
import json
import time
import urllib.parse
import urllib.request

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def query_range(prometheus, expr, start, end, step):
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(f"{prometheus}/api/v1/query_range?{params}", timeout=30) as response:
        return json.load(response)["data"]["result"]


def legend(template, labels):
    text = template or ""
    for key, value in labels.items():
        text = text.replace("{{" + key + "}}", value)
    return text.replace("{{", "").replace("}}", "") or ",".join(labels.values()) or "value"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dashboard")
    parser.add_argument("prometheus")
    parser.add_argument("output")
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()

    dashboard = json.load(open(args.dashboard))
    end = time.time()
    start = end - args.minutes * 60
    step = max(2, int(args.minutes * 60 / 150))
    panels = dashboard["panels"]
    rows = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels)
    figure = plt.figure(figsize=(24, rows * 0.42), dpi=60)
    figure.suptitle(f'{dashboard["title"]} (last {args.minutes:g} minutes)', fontsize=20, x=0.01, ha="left")
    for panel in panels:
        grid = panel["gridPos"]
        left, width = grid["x"] / 24, grid["w"] / 24
        bottom, height = 1 - (grid["y"] + grid["h"]) / rows, grid["h"] / rows
        if panel["type"] == "row":
            figure.text(left + 0.005, bottom + height / 2, panel["title"], fontsize=15, weight="bold", va="center")
            continue
        axes = figure.add_axes([left + 0.03, bottom + 0.025, width - 0.045, height - 0.075])
        axes.set_title(panel["title"], fontsize=12, loc="left")
        unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
        series = []
        for target in panel["targets"]:
            for result in query_range(args.prometheus, target["expr"], start, end, step):
                points = [(float(t), float(v)) for t, v in result["values"] if v not in ("NaN", "+Inf", "-Inf")]
                if points:
                    series.append((legend(target.get("legendFormat"), result["metric"]), points))
        if not series:
            axes.text(0.5, 0.5, "no data", ha="center", va="center", transform=axes.transAxes, color="grey")
            axes.set_xticks([])
            axes.set_yticks([])
            continue
        if panel["type"] in ("stat", "bargauge"):
            names = [name for name, _ in series]
            values = [points[-1][1] for _, points in series]
            if panel["type"] == "stat" and len(values) <= 4:
                axes.axis("off")
                shown = "   ".join(f"{v:.1%}" if unit == "percentunit" else f"{v:g}" for v in values)
                axes.text(0.5, 0.45, shown, ha="center", va="center", fontsize=26, transform=axes.transAxes)
            else:
                axes.barh(names, values, color="#3274d9")
                axes.tick_params(labelsize=8)
            continue
        for name, points in series:
            axes.plot([(t - end) / 60 for t, _ in points], [v for _, v in points], label=name, linewidth=1.5)
        axes.set_xlabel("minutes ago" if grid["y"] > rows - 12 else "", fontsize=8)
        axes.tick_params(labelsize=8)
        if unit:
            axes.set_ylabel(unit, fontsize=8)
        axes.legend(fontsize=7, loc="upper left", ncol=2)
    figure.savefig(args.output)


if __name__ == "__main__":
    main()
