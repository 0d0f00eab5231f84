// One ECharts instance on a dark theme, with only the chart types the screen uses registered (the
// modular build keeps the bundle small). Options are replaced, never merged, so a smaller new data
// set leaves nothing behind; the chart follows its box's size.
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  option: ChartOption | null;
  testId?: string;
  /** a click on a data item (a bar, a slice) or on a category axis label: the category's index */
  onItemClick?: (dataIndex: number) => void;
  ariaLabel: string;
}

export function EChart({ option, testId, onItemClick, ariaLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, "dark", { renderer: "canvas" });
    c.on("click", (e) => {
      if (typeof e.dataIndex === "number") click.current?.(e.dataIndex);
      else if (e.componentType === "yAxis" || e.componentType === "xAxis") {
        // an axis label: find its category among the axis' data
        const axis = (c.getOption()[e.componentType] as { data?: unknown[] }[] | undefined)?.[0];
        const i = axis?.data?.indexOf((e as { value?: unknown }).value) ?? -1;
        if (i >= 0) click.current?.(i);
      }
    });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={box} className="scr-chart" data-testid={testId} role="img" aria-label={ariaLabel} />;
}
