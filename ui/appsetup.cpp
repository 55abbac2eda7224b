// Theme and translation setup.
#include "appsetup.h"
#include "theme.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kastle::ui {

void setUpApplication(const core::AppSettings &settings)
{
    initResources();
    const QLocale locale = settings.language.isEmpty() ? QLocale() : QLocale(settings.language);
    // Kastle's translations are compiled in under :/i18n by qt_add_translations.
    auto *own = new QTranslator(qApp);
    if (own->load(locale, QStringLiteral("kastle"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    else
        delete own;
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    Theme::apply(settings.theme);
}

} // namespace kastle::ui
