#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"

using lathe::widgets::EmptyStatePanel;
using lathe::widgets::PlaceholderStack;

class tst_EmptyStatePanel : public QObject {
  Q_OBJECT
 private slots:
  void longTextWrapsAndIsNotCut() {
    EmptyStatePanel panel;
    panel.setTitle(QStringLiteral("No data yet"));
    panel.setText(QStringLiteral("Drop a CSV, TSV, ARFF, JSON or SQLite file onto the window to import it. "
                                 "Its rows and column profiles appear here."));
    panel.resize(360, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* text = panel.findChild<QLabel*>(QStringLiteral("emptyStateText"));
    QVERIFY(text);
    // The label got at least the height its wrapped text needs at its width: nothing is cut.
    QVERIFY2(text->height() >= text->heightForWidth(text->width()),
             qPrintable(QStringLiteral("%1 < %2").arg(text->height()).arg(text->heightForWidth(text->width()))));
    QVERIFY(text->heightForWidth(text->width()) > text->fontMetrics().height() * 2);
    QVERIFY(text->width() <= 460);
  }

  void buttonFollowsAndTriggersItsAction() {
    EmptyStatePanel panel;
    QAction open(QStringLiteral("&Open…"));
    int triggered = 0;
    connect(&open, &QAction::triggered, this, [&] { ++triggered; });
    panel.addActionButton(&open);
    auto* button = panel.findChild<QPushButton*>();
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Open…"));
    button->click();
    QCOMPARE(triggered, 1);
    open.setEnabled(false);
    QVERIFY(!button->isEnabled());
    open.setText(QStringLiteral("열기(&O)…"));
    QCOMPARE(button->text(), QStringLiteral("열기…"));
    open.setText(QStringLiteral("Save && &Run"));
    QCOMPARE(button->text(), QStringLiteral("Save & Run"));
  }

  void stackShowsPlaceholderUntilContent() {
    PlaceholderStack stack;
    QVERIFY(!stack.isShowingContent());
    stack.showContent(true);  // no content yet: still the placeholder
    QCOMPARE(stack.currentWidget(), static_cast<QWidget*>(stack.placeholder()));
    auto* content = new QLabel(QStringLiteral("rows"));
    stack.setContent(content);
    stack.showContent(true);
    QVERIFY(stack.isShowingContent());
    QCOMPARE(stack.currentWidget(), static_cast<QWidget*>(content));
    stack.showContent(false);
    QVERIFY(!stack.isShowingContent());
  }
};

QTEST_MAIN(tst_EmptyStatePanel)
#include "tst_EmptyStatePanel.moc"
