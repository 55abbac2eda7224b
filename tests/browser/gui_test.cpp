// The Messages page and the produce dialog offscreen, against the real kastle-broker: read with
// a seek mode and a filter, the detail pane's formats and kcat command (run for real), newest
// first, export of a selection and import; the dialog's JSON validation, headers, repeat and
// templates.
#include "browsertesting.h"

#include "messages/messagedetailview.h"
#include "messages/messagespage.h"
#include "messages/producedialog.h"
#include "processes.h"
#include "stores/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace kastle::core;
using namespace kastle::ui;
using namespace kastle::testing;

namespace {

MessagesPage::TargetResolver resolver()
{
    return [](QObject *, std::function<void(Result<KafkaTarget>)> done) { done(brokerTarget()); };
}

void fillTopic(const std::string &topic, int count)
{
    createTopic(topic, 1);
    std::vector<RawMessage> messages;
    for (int i = 0; i < count; ++i) {
        RawMessage m;
        m.partition = 0;
        m.timestamp = 1'700'000'000'000 + i;
        m.key = QByteArray("key-") + QByteArray::number(i);
        m.value = QByteArray("{\"n\":") + QByteArray::number(i) + ",\"tag\":\"t\"}";
        m.headers.append({"h", QByteArray::number(i)});
        messages.push_back(m);
    }
    ASSERT_TRUE(produceRaw(topic, messages));
}

void read(MessagesPage &page)
{
    page.findChild<QPushButton *>(QStringLiteral("readButton"))->click();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !page.outcomeText().isEmpty() && !page.isReading(); }, 20000))
        << page.outcomeText().toStdString();
}

} // namespace

TEST(BrowserGui, PageReadsFiltersAndShowsTheDetail)
{
    fillTopic("gui-read", 10);
    MessagesPage page(resolver(), nullptr);
    page.resize(1200, 700);
    page.show();
    page.setTopic(QStringLiteral("gui-read"));
    page.findChild<QComboBox *>(QStringLiteral("startMode"))->setCurrentIndex(0); // earliest
    read(page);
    EXPECT_EQ(page.model()->rowCount(), 10);
    EXPECT_EQ(page.progressText(), QStringLiteral("Scanned 10 of 10, matched 10"));
    EXPECT_EQ(page.outcomeText(), QStringLiteral("Reached the end of the range."));

    auto *table = page.findChild<QTableView *>(QStringLiteral("messageTable"));
    table->selectRow(3);
    MessageDetailView *detail = page.detail();
    EXPECT_EQ(detail->effectiveFormat(), MessageDetailView::Format::JsonTree);
    ASSERT_EQ(detail->jsonTree()->topLevelItemCount(), 2);
    EXPECT_EQ(detail->jsonTree()->topLevelItem(0)->text(0), QStringLiteral("n"));
    EXPECT_EQ(detail->jsonTree()->topLevelItem(0)->text(1), QStringLiteral("3"));
    detail->setFormat(MessageDetailView::Format::Hex);
    EXPECT_TRUE(detail->shownText().startsWith(QStringLiteral("00000000  7b 22 6e 22")))
        << detail->shownText().toStdString();
    detail->setFormat(MessageDetailView::Format::Base64);
    EXPECT_EQ(detail->shownText(),
              QString::fromLatin1(QByteArray("{\"n\":3,\"tag\":\"t\"}").toBase64()));
    detail->setPart(MessageDetailView::Part::Key);
    detail->setFormat(MessageDetailView::Format::Auto);
    EXPECT_EQ(detail->shownText(), QStringLiteral("key-3"));

    // The copied kcat command fetches exactly this message.
    const QString command = detail->kcatCommand();
    EXPECT_TRUE(command.contains(QStringLiteral("-p 0 -o 3 -c 1"))) << command.toStdString();
    std::vector<std::string> argv;
    for (const QString &word : command.split(QLatin1Char(' ')))
        argv.push_back(word.toStdString());
    const RunResult kcat = runCommand(argv);
    ASSERT_EQ(kcat.exitCode, 0) << kcat.err;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(kcat.out)).object();
    EXPECT_EQ(o.value(QStringLiteral("offset")).toInt(), 3);
    EXPECT_EQ(o.value(QStringLiteral("key")).toString(), QStringLiteral("key-3"));

    // A JSON path filter while scanning.
    page.findChild<QComboBox *>(QStringLiteral("filterKind"))->setCurrentIndex(3);
    page.findChild<QLineEdit *>(QStringLiteral("filterText"))->setText(QStringLiteral("$.n >= 7"));
    read(page);
    EXPECT_EQ(page.model()->rowCount(), 3);
    EXPECT_EQ(page.progressText(), QStringLiteral("Scanned 10 of 10, matched 3"));

    // A filter that matches nothing says so rather than "no messages".
    page.findChild<QLineEdit *>(QStringLiteral("filterText"))->setText(QStringLiteral("$.n == 99"));
    read(page);
    EXPECT_EQ(page.model()->rowCount(), 0);
    EXPECT_TRUE(page.outcomeText().contains(QStringLiteral("none of the 10 messages scanned")))
        << page.outcomeText().toStdString();

    // A broken filter is reported before anything is read.
    page.findChild<QLineEdit *>(QStringLiteral("filterText"))->setText(QStringLiteral("n == 1"));
    page.findChild<QPushButton *>(QStringLiteral("readButton"))->click();
    EXPECT_TRUE(page.outcomeText().contains(QStringLiteral("starts with $")))
        << page.outcomeText().toStdString();
}

TEST(BrowserGui, NewestFirstLatestMinusN)
{
    fillTopic("gui-newest", 6);
    MessagesPage page(resolver(), nullptr);
    page.show();
    page.setTopic(QStringLiteral("gui-newest"));
    page.findChild<QComboBox *>(QStringLiteral("startMode"))->setCurrentIndex(1);
    page.findChild<QSpinBox *>(QStringLiteral("startCount"))->setValue(4);
    page.findChild<QCheckBox *>(QStringLiteral("newestFirst"))->setChecked(true);
    read(page);
    ASSERT_EQ(page.model()->rowCount(), 4);
    EXPECT_EQ(page.model()->index(0, MessageModel::Offset).data().toLongLong(), 5);
    EXPECT_EQ(page.model()->index(3, MessageModel::Offset).data().toLongLong(), 2);
}

TEST(BrowserGui, ExportSelectionThenImport)
{
    fillTopic("gui-export", 5);
    createTopic("gui-import", 1);
    QTemporaryDir dir;
    MessagesPage page(resolver(), nullptr);
    page.show();
    page.setTopic(QStringLiteral("gui-export"));
    page.findChild<QComboBox *>(QStringLiteral("startMode"))->setCurrentIndex(0);
    read(page);
    auto *table = page.findChild<QTableView *>(QStringLiteral("messageTable"));
    table->selectionModel()->select(page.model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(page.model()->index(4, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QString path = dir.filePath(QStringLiteral("sel.jsonl"));
    QString exportError = QStringLiteral("not finished");
    QObject::connect(&page, &MessagesPage::exportFinished, &page,
                     [&](const QString &, const QString &error) { exportError = error; });
    page.exportSelection(path, ExportFormat::JsonLines);
    ASSERT_TRUE(QTest::qWaitFor([&] { return exportError != QStringLiteral("not finished"); }));
    EXPECT_TRUE(exportError.isEmpty()) << exportError.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("offset")).toInt(),
              4);

    std::optional<ProduceOutcome> imported;
    QObject::connect(&page, &MessagesPage::importFinished, &page,
                     [&](const ProduceOutcome &o) { imported = o; });
    page.setTopic(QStringLiteral("gui-import"));
    page.importFile(path, true, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.has_value(); }, 20000));
    EXPECT_TRUE(imported->error.message.isEmpty()) << imported->error.message.toStdString();
    EXPECT_EQ(imported->progress.sent, 2);
    read(page);
    ASSERT_EQ(page.model()->rowCount(), 2);
    EXPECT_EQ(page.model()->message(1).key, QByteArray("key-4"));
    EXPECT_EQ(page.model()->message(1).timestamp, 1'700'000'000'004);
}

TEST(BrowserGui, ProduceDialogValidatesSendsAndKeepsTemplates)
{
    createTopic("gui-produce", 2);
    QTemporaryDir dir;
    Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("kastle.sqlite"))));
    TemplateStore templates(db.connection());
    ProduceDialog dialog(resolver(), &templates);
    dialog.show();
    dialog.setTopic(QStringLiteral("gui-produce"));
    auto *value = dialog.findChild<QPlainTextEdit *>(QStringLiteral("produceValue"));
    auto *send = dialog.findChild<QPushButton *>(QStringLiteral("sendButton"));
    value->setPlainText(QStringLiteral("{\"n\": {{seq}},\n \"x\": }"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("line 2")))
        << dialog.validationError().toStdString();
    EXPECT_FALSE(send->isEnabled());
    value->setPlainText(QStringLiteral("{\"n\": {{seq}}, \"id\": \"{{uuid}}\"}"));
    EXPECT_TRUE(dialog.validationError().isEmpty()) << dialog.validationError().toStdString();
    EXPECT_TRUE(send->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("produceKey"))
        ->setText(QStringLiteral("k{{seq}}"));
    dialog.findChild<QPushButton *>(QStringLiteral("addHeader"))->click();
    auto *headers = dialog.findChild<QTableWidget *>(QStringLiteral("produceHeaders"));
    headers->setItem(0, 0, new QTableWidgetItem(QStringLiteral("origin")));
    headers->setItem(0, 1, new QTableWidgetItem(QStringLiteral("gui-{{seq}}")));
    dialog.findChild<QSpinBox *>(QStringLiteral("producePartition"))->setValue(1);
    dialog.findChild<QSpinBox *>(QStringLiteral("repeat"))->setValue(2);
    dialog.findChild<QComboBox *>(QStringLiteral("compression"))->setCurrentIndex(1); // gzip

    std::optional<ProduceOutcome> outcome;
    QObject::connect(&dialog, &ProduceDialog::sent, &dialog,
                     [&](const ProduceOutcome &o) { outcome = o; });
    send->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 20000));
    EXPECT_TRUE(outcome->error.message.isEmpty()) << outcome->error.message.toStdString();
    EXPECT_EQ(dialog.statusText(),
              QStringLiteral("Sent 2 message(s); the last went to partition 1 at offset 1."));

    BrowseRequest r;
    r.topic = QStringLiteral("gui-produce");
    const ScanResult s = scan(r);
    ASSERT_EQ(s.messages.size(), 2u);
    EXPECT_EQ(s.messages[1].partition, 1);
    EXPECT_EQ(s.messages[1].key, QByteArray("k2"));
    EXPECT_TRUE(s.messages[1].value->startsWith("{\"n\": 2, \"id\": \""));
    ASSERT_EQ(s.messages[1].headers.size(), 1);
    EXPECT_EQ(s.messages[1].headers[0], (RawHeader{"origin", QByteArray("gui-2")}));

    // A template saved from the form comes back in a new dialog.
    ASSERT_TRUE(templates.save(dialog.currentAsTemplate(QStringLiteral("two gzip"))));
    ProduceDialog again(resolver(), &templates);
    auto *box = again.findChild<QComboBox *>(QStringLiteral("templateBox"));
    ASSERT_EQ(box->count(), 2);
    EXPECT_EQ(box->itemText(1), QStringLiteral("two gzip"));
    again.applyTemplate(templates.list()->at(0));
    const ProduceRequest req = again.request();
    EXPECT_EQ(req.partition, 1);
    EXPECT_EQ(req.repeat, 2);
    EXPECT_EQ(req.compression, QStringLiteral("gzip"));
    EXPECT_EQ(req.headers.size(), 1);

    // A refusal from the broker is shown in words.
    dialog.findChild<QSpinBox *>(QStringLiteral("producePartition"))->setValue(9);
    dialog.findChild<QSpinBox *>(QStringLiteral("repeat"))->setValue(1);
    outcome.reset();
    send->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 20000));
    EXPECT_FALSE(outcome->error.message.isEmpty());
    EXPECT_EQ(dialog.statusText(), outcome->error.message);
}
