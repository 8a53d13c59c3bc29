#pragma once

class QApplication;
class QColor;

namespace lathe::app {

// The one look of Lathe Studio: Fusion, the system's light or dark palette, one accent colour
// and the application icon.
class StudioStyle {
 public:
  static void apply(QApplication& app);
  static QColor accent();
};

}  // namespace lathe::app
