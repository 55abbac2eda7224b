// kastle: the GUI executable. Wiring only.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    kastle::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
