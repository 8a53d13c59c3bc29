// Precompiled for the widgets' and the studio's tests (cmake/LathePch.cmake): Qt Test with its
// widget helpers, Qt Widgets, QCustomPlot and the engine's standard headers.
#pragma once

#include "Widgets.h"

#include <QtTest>
