/* chart: bar charts drawn as vector graphics (```chart with a YAML body):
 * bars, grouped bars and stacked bars (optionally each split 100 %), with a
 * value axis, category labels, a legend and, so that the figures can be read
 * as text too, the figures printed on the bars. Numbers are written the
 * Swedish way (format.h). Figures are kept in hundredths (model.h), as
 * integers.
 *
 *     type: stacked            # bar, grouped or stacked
 *     title: Kostnadsfördelning 2023
 *     unit: "%"                # "%" follows every figure; another unit heads the axis
 *     percent: true            # stacked only: every bar split 100 %
 *     values: true             # figures on the bars (the style gives the default)
 *     categories: [Höglandet, Södra Vätterbygden]
 *     series:
 *       - {name: Individinriktade insatser, values: [74, 55]}
 *       - {name: Administration, values: [16, 15]} */
#ifndef PP_CHART_H
#define PP_CHART_H

#include <cmark-gfm.h>

#include "page.h"

void chart_layout(layout_state *ls, cmark_node *node, column col);

#endif
