// The main window: cluster sidebar, per-cluster pages, log dock.
#pragma once

#include <QMainWindow>

namespace kastle::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace kastle::ui
