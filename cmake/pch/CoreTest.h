// Precompiled for the engine's and the CLI's tests (cmake/LathePch.cmake): Qt Test on Qt Core,
// and the engine's standard headers.
#pragma once

#include "Engine.h"

#include <QtTest>
