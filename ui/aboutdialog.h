// About Kastle: versions of Kastle, Qt (run time and build) and librdkafka.
#pragma once

#include <QDialog>

namespace kastle::ui {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace kastle::ui
