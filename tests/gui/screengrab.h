// Screenshots for the review tools (kastle_screenshots, kastle_page_screenshots): a window as
// the user sees it, with the popups and dialogs open over it (the Ctrl+K jump palette, a menu,
// a message box). QWidget::grab() renders one widget into an image; a popup is a window of its
// own and is not in that image, so each visible top-level window that belongs to `window` is
// grabbed too and drawn at its place. Works on every platform plugin (offscreen, xcb under
// Xvfb) without reading the screen back.
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTest>
#include <QWidget>

#include <cstdio>

namespace kastle::test {

inline QImage grabWithPopups(QWidget *window)
{
    QImage image = window->grab().toImage();
    QPainter painter(&image); // logical coordinates: the image keeps the device pixel ratio
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top == window || !top->isVisible() || top->window() != top)
            continue;
        // Only windows opened over this one (parented to it, directly or through a dialog).
        QWidget *owner = top->parentWidget();
        while (owner && owner != window)
            owner = owner->parentWidget();
        if (!owner)
            continue;
        const QPoint at = window->mapFromGlobal(top->mapToGlobal(QPoint(0, 0)));
        painter.drawPixmap(at, top->grab());
        // Frameless popups draw no edge of their own over a window of the same colour.
        if (top->windowFlags().testFlag(Qt::FramelessWindowHint)) {
            painter.setPen(top->palette().color(QPalette::Mid));
            painter.drawRect(QRect(at, top->size()).adjusted(0, 0, -1, -1));
        }
    }
    return image;
}

// Saves `w` with its popups after letting layouts, charts and the style settle.
inline bool saveScreenshot(QWidget *w, const QString &path, int settleMs)
{
    QTest::qWait(settleMs);
    QElapsedTimer clock; // the grab and the PNG encoding hold the UI thread; say how long
    clock.start();
    const bool ok = grabWithPopups(w).save(path);
    std::printf("%s %s (grab and save %lld ms)\n", ok ? "wrote" : "FAILED", qPrintable(path),
                static_cast<long long>(clock.elapsed()));
    return ok;
}

} // namespace kastle::test
