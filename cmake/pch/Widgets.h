// Precompiled for the widgets and the studio's wiring (cmake/LathePch.cmake): the engine's
// standard headers, Qt Widgets and QCustomPlot, whose headers alone took most of a chart's
// compile time.
#pragma once

#include "Engine.h"

#include <QtWidgets>
#include <qcustomplot.h>
