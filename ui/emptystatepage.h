// An honest placeholder page: an icon, a title and a sentence saying what will be here and
// that it is not available yet. Used for the cluster pages that are still to be built.
#pragma once

#include <QWidget>

namespace kastle::ui {

class EmptyStatePage : public QWidget
{
    Q_OBJECT
public:
    EmptyStatePage(const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace kastle::ui
