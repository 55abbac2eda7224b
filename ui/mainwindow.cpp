// The main window.
#include "mainwindow.h"

namespace kastle::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Kastle"));
}

} // namespace kastle::ui
