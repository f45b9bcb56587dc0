// The slice of ECharts the in-app chart uses, registered once. SVG, as in the export: markers are
// bucketed, so the document never holds more than a few thousand shapes. Imported only with import() from
// the chart view, so ECharts never lands in the first chunk: the timeline paints without it.
import { CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { format, init, use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerParts([CustomChart, ScatterChart, AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

export { init };
export const encodeHTML = format.encodeHTML;
