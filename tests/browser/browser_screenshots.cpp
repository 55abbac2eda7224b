// browser_screenshots: the Messages page and the produce dialog in the real main window, light
// and dark, for visual review (not a test). Starts its own kastle-broker, fills a topic through
// the browser's own producer, then reads it. Run under Xvfb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a build/<dir>/bin/browser_screenshots <output dir>
#include "appsetup.h"
#include "browser/messageproducer.h"
#include "clusterview.h"
#include "mainwindow.h"
#include "messages/messagedetailview.h"
#include "messages/messagespage.h"
#include "messages/producedialog.h"
#include "processes.h"
#include "theme.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace kastle;

namespace {

bool save(QWidget *w, const QString &path)
{
    QTest::qWait(200);
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

bool produce(const core::KafkaTarget &target, const core::ProduceRequest &request)
{
    core::MessageProducer producer;
    bool done = false;
    bool ok = false;
    QObject::connect(&producer, &core::MessageProducer::finished, &producer,
                     [&](quint64, const core::ProduceOutcome &o) {
                         done = true;
                         ok = o.error.message.isEmpty();
                         if (!ok)
                             std::printf("produce failed: %s\n", qPrintable(o.error.message));
                     });
    producer.produce(target, request);
    return QTest::qWaitFor([&] { return done; }, 30000) && ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QTemporaryDir tmp;
    qputenv("XDG_DATA_HOME", tmp.filePath(QStringLiteral("data")).toLocal8Bit());
    testing::BrokerProcess broker(tmp.filePath(QStringLiteral("broker")).toStdString());
    if (!broker.start()) {
        std::printf("kastle-broker did not start: %s\n", broker.log().c_str());
        return 1;
    }
    const QString bootstrap = QString::fromStdString(broker.bootstrap());

    core::Workspace ws({tmp.filePath(QStringLiteral("kastle.sqlite")),
                        QCoreApplication::applicationDirPath() + QStringLiteral("/kastle-broker"),
                        tmp.filePath(QStringLiteral("sandbox")), QString()});
    ws.open();
    core::ConnectionProfile profile;
    profile.name = QStringLiteral("Local dev");
    profile.bootstrapServers = bootstrap;
    (void)ws.saveProfile(profile);

    core::KafkaTarget target{profile, {}};
    core::ProduceRequest orders;
    orders.topic = QStringLiteral("orders");
    orders.key = QStringLiteral("order-{{seq}}");
    orders.value = QStringLiteral(
        "{\"id\":\"{{uuid}}\",\"user\":{\"id\":{{random.int(1,60)}},\"name\":\"Ada\"},"
        "\"items\":[{\"sku\":\"KB-{{random.int(100,999)}}\",\"qty\":{{random.int(1,4)}}}],"
        "\"total\":{{random.int(5,400)}}.50,\"paid\":true,\"at\":\"{{now}}\"}");
    orders.headers = {{QStringLiteral("source"), QStringLiteral("checkout")},
                      {QStringLiteral("trace-id"), QStringLiteral("{{uuid}}")}};
    orders.repeat = 240;
    if (!produce(target, orders))
        return 1;

    ui::setUpApplication(ws.settings());
    ui::MainWindow window(ws);
    window.resize(1280, 760);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    const QString id = profile.id.isEmpty() ? ws.connections()->idAt(1) : profile.id;
    window.showCluster(id);
    ui::ClusterView *view = window.clusterView(id);
    if (!view)
        return 1;
    view->setCurrentPage(QStringLiteral("messages"));
    auto *page = qobject_cast<ui::MessagesPage *>(view->page(QStringLiteral("messages")));
    if (!page)
        return 1;
    page->setTopic(QStringLiteral("orders"));
    page->findChild<QComboBox *>(QStringLiteral("startMode"))->setCurrentIndex(0);
    page->findChild<QComboBox *>(QStringLiteral("stopMode"))->setCurrentIndex(0);
    page->startReading();
    (void)QTest::qWaitFor([&] { return !page->outcomeText().isEmpty() && !page->isReading(); },
                          20000);
    page->findChild<QTableView *>(QStringLiteral("messageTable"))->selectRow(7);

    int failures = 0;
    for (const auto theme : {core::AppSettings::Theme::Light, core::AppSettings::Theme::Dark}) {
        ui::Theme::apply(theme);
        const QString suffix = core::AppSettings::themeKey(theme);
        page->detail()->setPart(ui::MessageDetailView::Part::Value);
        page->detail()->setFormat(ui::MessageDetailView::Format::Auto);
        failures +=
            !save(&window, out + QStringLiteral("/messages-") + suffix + QStringLiteral(".png"));
        page->detail()->setFormat(ui::MessageDetailView::Format::JsonText);
        failures += !save(&window, out + QStringLiteral("/messages-json-") + suffix +
                                       QStringLiteral(".png"));
        page->detail()->setFormat(ui::MessageDetailView::Format::Hex);
        failures += !save(&window,
                          out + QStringLiteral("/messages-hex-") + suffix + QStringLiteral(".png"));
        page->detail()->setPart(ui::MessageDetailView::Part::Headers);
        failures += !save(&window, out + QStringLiteral("/messages-headers-") + suffix +
                                       QStringLiteral(".png"));

        page->findChild<QComboBox *>(QStringLiteral("filterKind"))->setCurrentIndex(3);
        page->findChild<QLineEdit *>(QStringLiteral("filterText"))
            ->setText(QStringLiteral("$.user.id <= 10"));
        page->startReading();
        (void)QTest::qWaitFor([&] { return !page->outcomeText().isEmpty() && !page->isReading(); },
                              20000);
        page->findChild<QTableView *>(QStringLiteral("messageTable"))->selectRow(0);
        page->detail()->setPart(ui::MessageDetailView::Part::Value);
        page->detail()->setFormat(ui::MessageDetailView::Format::Auto);
        failures += !save(&window, out + QStringLiteral("/messages-filtered-") + suffix +
                                       QStringLiteral(".png"));
        page->findChild<QComboBox *>(QStringLiteral("filterKind"))->setCurrentIndex(0);

        ui::ProduceDialog dialog(
            [target](QObject *, std::function<void(core::Result<core::KafkaTarget>)> done) {
                done(target);
            },
            nullptr, &window);
        dialog.setTopic(QStringLiteral("orders"));
        dialog.findChild<QLineEdit *>(QStringLiteral("produceKey"))
            ->setText(QStringLiteral("order-{{seq}}"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("produceValue"))
            ->setPlainText(QStringLiteral("{\n  \"id\": \"{{uuid}}\",\n  \"user\": {\"id\": 42},\n"
                                          "  \"at\": \"{{now}}\",\n  \"n\": {{seq}}\n}"));
        dialog.findChild<QPushButton *>(QStringLiteral("addHeader"))->click();
        auto *headers = dialog.findChild<QTableWidget *>(QStringLiteral("produceHeaders"));
        headers->setItem(0, 0, new QTableWidgetItem(QStringLiteral("source")));
        headers->setItem(0, 1, new QTableWidgetItem(QStringLiteral("kastle")));
        dialog.show();
        failures +=
            !save(&dialog, out + QStringLiteral("/produce-") + suffix + QStringLiteral(".png"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("produceValue"))
            ->setPlainText(
                QStringLiteral("{\n  \"id\": \"{{uuid}}\",\n  \"user\": {\"id\": 42,\n}"));
        failures += !save(&dialog, out + QStringLiteral("/produce-invalid-") + suffix +
                                       QStringLiteral(".png"));
        dialog.close();
    }
    return failures == 0 ? 0 : 1;
}
