// Messages page: controls, table, detail pane, progress; export/import/produce entry points.
#include "messagespage.h"
#include "messagedetailview.h"
#include "producedialog.h"
#include "secretprompt.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace kastle::ui {

using core::BrowseRequest;

namespace {

struct TopicList
{
    QStringList topics;
    QString error;
};

} // namespace

MessagesPage::MessagesPage(TargetResolver resolver, std::unique_ptr<core::TemplateStore> templates,
                           QWidget *parent)
    : QWidget(parent)
    , m_resolver(std::move(resolver))
    , m_templates(std::move(templates))
    , m_browser(new core::MessageBrowser(this))
    , m_importer(new core::MessageProducer(this))
    , m_model(new core::MessageModel(this))
{
    setObjectName(QStringLiteral("messagesPage"));
    QWidget *controls = makeControls();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("scanProgressText"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("scanOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_window = new QLabel(this);
    m_window->setObjectName(QStringLiteral("windowNotice"));
    m_window->setWordWrap(true);
    m_window->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_window->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(core::MessageModel::Partition, 70);
    header->resizeSection(core::MessageModel::Offset, 80);
    header->resizeSection(core::MessageModel::Timestamp, 230);
    header->resizeSection(core::MessageModel::Key, 140);
    header->setSectionResizeMode(core::MessageModel::Value, QHeaderView::Stretch);
    header->resizeSection(core::MessageModel::Size, 70);
    header->resizeSection(core::MessageModel::Headers, 70);

    m_detail = new MessageDetailView(this);
    // Table above the detail: the value preview column gets the window's full width.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({300, 200});
    split->setChildrenCollapsible(false);

    auto *status = new QHBoxLayout;
    status->addWidget(m_progressLabel);
    status->addSpacing(16);
    status->addWidget(m_outcome, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->addWidget(controls);
    layout->addWidget(m_progress);
    layout->addLayout(status);
    layout->addWidget(m_window);
    layout->addWidget(split, 1);

    connect(m_browser, &core::MessageBrowser::messages, this,
            [this](quint64 job, std::shared_ptr<core::MessageStore> batch) {
                if (job == m_job && batch)
                    m_model->append(std::move(*batch));
            });
    connect(m_browser, &core::MessageBrowser::progress, this, &MessagesPage::onProgress);
    connect(m_browser, &core::MessageBrowser::finished, this, &MessagesPage::onFinished);
    connect(m_model, &core::MessageModel::windowNotice, this, [this](const QString &text) {
        m_window->setText(text);
        m_window->setVisible(!text.isEmpty());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessagesPage::onSelection);
    connect(m_importer, &core::MessageProducer::progress, this,
            [this](quint64 job, const core::ProduceProgress &p) {
                if (job != m_importJob)
                    return;
                m_progress->setRange(0, 1000);
                m_progress->setValue(p.total > 0 ? static_cast<int>(p.sent * 1000 / p.total) : 0);
                m_progressLabel->setText(tr("Imported %1 of %2").arg(p.sent).arg(p.total));
            });
    connect(m_importer, &core::MessageProducer::finished, this,
            [this](quint64 job, const core::ProduceOutcome &o) {
                if (job != m_importJob)
                    return;
                m_importJob = 0;
                setBusy(false);
                m_progressLabel->setText(
                    tr("Imported %1 of %2").arg(o.progress.sent).arg(o.progress.total));
                m_outcome->setText(
                    o.error.message.isEmpty()
                        ? (o.cancelled ? tr("Import stopped.") : tr("Import finished."))
                        : o.error.message);
                if (!o.error.message.isEmpty())
                    showError(tr("Import failed"), o.error.message);
                Q_EMIT importFinished(o);
            });
    setBusy(false);
}

MessagesPage::~MessagesPage() = default;

MessagesPage *MessagesPage::forCluster(core::Workspace &workspace, const QString &clusterId,
                                       QWidget *parent)
{
    core::Workspace *ws = &workspace;
    TargetResolver resolver =
        [ws, clusterId](QObject *context,
                        std::function<void(core::Result<core::KafkaTarget>)> done) {
            const std::optional<core::ConnectionProfile> profile =
                ws->connections()->profile(clusterId);
            if (!profile || profile->bootstrapServers.isEmpty()) {
                done(core::Error{tr("This cluster has no bootstrap address yet (a sandbox must be "
                                    "started first).")});
                return;
            }
            ws->secrets()->load(
                clusterId, context,
                [ws, clusterId, profile = *profile, context,
                 done](core::Result<core::ProfileSecrets> loaded) {
                    core::ProfileSecrets secrets = loaded ? *loaded : core::ProfileSecrets{};
                    const bool missing = (profile.needsPassword() && secrets.password.isEmpty()) ||
                                         (profile.needsToken() && secrets.oauthToken.isEmpty());
                    if (missing) {
                        auto *widget = qobject_cast<QWidget *>(context);
                        const std::optional<core::ProfileSecrets> typed = SecretPrompt::ask(
                            widget, profile, loaded ? QString() : loaded.error().message);
                        if (!typed) {
                            done(core::Error{tr("Reading needs the cluster's secret.")});
                            return;
                        }
                        secrets = *typed;
                        ws->secrets()->rememberForSession(clusterId, secrets);
                    }
                    done(core::KafkaTarget{profile, secrets});
                });
        };
    return new MessagesPage(
        std::move(resolver),
        std::make_unique<core::TemplateStore>(workspace.database().connection()), parent);
}

void MessagesPage::startReading()
{
    core::Result<BrowseRequest> request = browseRequest();
    if (!request) {
        m_outcome->setText(request.error().message);
        return;
    }
    m_browser->cancel();
    m_model->clear();
    m_detail->clearMessage();
    m_outcome->clear();
    m_progressLabel->setText(tr("Connecting…"));
    m_progress->setRange(0, 0);
    setBusy(true);
    const quint64 ticket = ++m_job; // a resolver answer for an older click is ignored
    m_resolver(this, [this, ticket, r = *request](core::Result<core::KafkaTarget> target) {
        if (ticket != m_job)
            return;
        if (!target) {
            setBusy(false);
            m_progressLabel->clear();
            m_outcome->setText(target.error().message);
            return;
        }
        m_target = *target;
        m_scanTopic = r.topic;
        m_job = m_browser->start(*target, r);
    });
}

void MessagesPage::stopReading()
{
    m_browser->cancel();
    m_importer->cancel();
}

bool MessagesPage::isReading() const
{
    return m_browser->isRunning() || m_importJob != 0;
}

void MessagesPage::setBusy(bool busy)
{
    m_read->setEnabled(!busy);
    m_stop->setEnabled(busy);
    m_import->setEnabled(!busy);
    m_export->setEnabled(!busy);
    if (!busy) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(m_progress->maximum());
    }
}

void MessagesPage::onProgress(quint64 job, const core::BrowseProgress &p)
{
    if (job != m_job)
        return;
    const QLocale locale;
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(std::min<qint64>(1000, p.scanned * 1000 / p.total)));
    }
    QString text = p.total >= 0 ? tr("Scanned %1 of %2, matched %3")
                                      .arg(locale.toString(p.scanned), locale.toString(p.total),
                                           locale.toString(p.matched))
                                : tr("Scanned %1, matched %2")
                                      .arg(locale.toString(p.scanned), locale.toString(p.matched));
    if (p.tailing)
        text += QStringLiteral(" · ") + tr("following live");
    m_progressLabel->setText(text);
}

void MessagesPage::onFinished(quint64 job, const core::BrowseOutcome &outcome)
{
    if (job != m_job)
        return;
    onProgress(job, outcome.progress);
    setBusy(false);
    const QLocale locale;
    QString text;
    switch (outcome.reason) {
    case core::BrowseOutcome::Reason::End:
        text = outcome.progress.matched == 0 && outcome.progress.scanned > 0
                   ? tr("Reached the end: none of the %1 messages scanned matched.")
                         .arg(locale.toString(outcome.progress.scanned))
                   : (outcome.progress.scanned == 0 ? tr("Reached the end: there are no messages "
                                                         "in this range.")
                                                    : tr("Reached the end of the range."));
        break;
    case core::BrowseOutcome::Reason::Limit:
        text = tr("Stopped after %1 messages, as asked.")
                   .arg(locale.toString(outcome.progress.matched));
        break;
    case core::BrowseOutcome::Reason::Cancelled:
        text = tr("Stopped by you; the range was not read to its end.");
        break;
    case core::BrowseOutcome::Reason::Failed:
        text = outcome.error.message;
        break;
    }
    if (!outcome.notice.isEmpty())
        text += QLatin1Char(' ') + outcome.notice;
    m_outcome->setText(text);
    if (m_exporting) {
        m_exporting = false;
        Q_EMIT exportFinished(QString(), outcome.reason == core::BrowseOutcome::Reason::Failed
                                             ? outcome.error.message
                                             : QString());
    }
}

QString MessagesPage::progressText() const
{
    return m_progressLabel->text();
}

QString MessagesPage::outcomeText() const
{
    return m_outcome->text();
}

void MessagesPage::onSelection()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->clearMessage();
        return;
    }
    m_detail->setMessage(m_target.profile, m_scanTopic, m_model->message(current.row()));
}

void MessagesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_topicsRequested) {
        m_topicsRequested = true;
        refreshTopics();
    }
}

void MessagesPage::refreshTopics()
{
    m_resolver(this, [this](core::Result<core::KafkaTarget> target) {
        if (!target)
            return;
        QtConcurrent::run([t = *target] {
            TopicList out;
            core::Result<std::unique_ptr<core::KafkaClient>> client =
                core::KafkaClient::consumer(t);
            if (!client) {
                out.error = client.error().message;
                return out;
            }
            core::Result<QStringList> topics = (*client)->topics();
            if (topics)
                out.topics = *topics;
            else
                out.error = topics.error().message;
            return out;
        }).then(this, [this](const TopicList &list) {
            if (!list.error.isEmpty()) {
                m_outcome->setText(list.error);
                return;
            }
            m_topics = list.topics;
            const QString current = m_topic->currentText();
            m_topic->clear();
            m_topic->addItems(list.topics);
            m_topic->setEditText(current.isEmpty() ? list.topics.value(0) : current);
            Q_EMIT topicsLoaded(list.topics);
        });
    });
}

void MessagesPage::chooseExport(bool selection)
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, selection ? tr("Export selected messages") : tr("Export range"),
        m_topic->currentText() + QStringLiteral(".jsonl"),
        tr("JSON lines, kcat -J compatible (*.jsonl *.json);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    const core::ExportFormat format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
                                              filter.contains(QLatin1String("csv"))
                                          ? core::ExportFormat::Csv
                                          : core::ExportFormat::JsonLines;
    if (selection)
        exportSelection(path, format);
    else
        exportRange(path, format);
}

void MessagesPage::exportRange(const QString &path, core::ExportFormat format)
{
    core::Result<BrowseRequest> request = browseRequest();
    if (!request) {
        m_outcome->setText(request.error().message);
        return;
    }
    if (request->stop == BrowseRequest::Stop::Tail) {
        m_outcome->setText(tr("An export needs an end; choose where to stop."));
        return;
    }
    request->exportPath = path;
    request->exportFormat = format;
    m_exporting = true;
    m_outcome->clear();
    m_progress->setRange(0, 0);
    setBusy(true);
    const quint64 ticket = ++m_job;
    m_resolver(this, [this, ticket, r = *request](core::Result<core::KafkaTarget> target) {
        if (ticket != m_job)
            return;
        if (!target) {
            m_exporting = false;
            setBusy(false);
            m_outcome->setText(target.error().message);
            return;
        }
        m_job = m_browser->start(*target, r);
    });
}

void MessagesPage::exportSelection(const QString &path, core::ExportFormat format)
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_outcome->setText(tr("Select the messages to export first."));
        return;
    }
    std::sort(rows.begin(), rows.end());
    // Copies of the selected messages leave with the job; the model may change meanwhile.
    QList<core::RawMessage> messages;
    messages.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        messages.append(m_model->message(row.row()));
    const QString topic = m_scanTopic;
    setBusy(true);
    QtConcurrent::run([path, format, topic, messages] {
        core::ExportWriter writer(path, format);
        if (core::Status s = writer.open(); !s)
            return s.error().message;
        for (const core::RawMessage &m : messages)
            if (core::Status s = writer.write(topic, m); !s)
                return s.error().message;
        core::Status closed = writer.close();
        return closed ? QString() : closed.error().message;
    }).then(this, [this, path, count = messages.size()](const QString &error) {
        setBusy(false);
        m_outcome->setText(
            error.isEmpty()
                ? tr("Exported %n message(s) to %1.", nullptr, static_cast<int>(count)).arg(path)
                : error);
        if (!error.isEmpty())
            showError(tr("Export failed"), error);
        Q_EMIT exportFinished(path, error);
    });
}

void MessagesPage::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import messages"), QString(), tr("JSON lines (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QDialog ask(this);
    ask.setWindowTitle(tr("Import messages"));
    auto *text = new QLabel(tr("Produce every message of %1 to the topic %2? Keys, values and "
                               "headers are always kept.")
                                .arg(path, m_topic->currentText()),
                            &ask);
    text->setWordWrap(true);
    auto *timestamps = new QCheckBox(tr("Keep the original timestamps"), &ask);
    auto *partitions = new QCheckBox(tr("Keep the original partitions"), &ask);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *layout = new QVBoxLayout(&ask);
    layout->addWidget(text);
    layout->addWidget(timestamps);
    layout->addWidget(partitions);
    layout->addWidget(buttons);
    if (ask.exec() == QDialog::Accepted)
        importFile(path, timestamps->isChecked(), partitions->isChecked());
}

void MessagesPage::importFile(const QString &path, bool keepTimestamps, bool keepPartitions)
{
    core::ImportRequest request;
    request.path = path;
    request.topic = m_topic->currentText().trimmed();
    request.keepTimestamps = keepTimestamps;
    request.keepPartitions = keepPartitions;
    if (request.topic.isEmpty()) {
        m_outcome->setText(tr("Choose the topic to import into."));
        return;
    }
    setBusy(true);
    m_progress->setRange(0, 0);
    m_importJob = ~quint64(0);
    m_resolver(this, [this, request](core::Result<core::KafkaTarget> target) {
        if (!target) {
            m_importJob = 0;
            setBusy(false);
            m_outcome->setText(target.error().message);
            return;
        }
        m_importJob = m_importer->importFile(*target, request);
    });
}

void MessagesPage::openProduceDialog()
{
    auto *dialog = new ProduceDialog(m_resolver, m_templates.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTopics(m_topics);
    dialog->setTopic(m_topic->currentText());
    dialog->show();
}

void MessagesPage::showError(const QString &title, const QString &text)
{
    QMessageBox::warning(this, title, text);
}

} // namespace kastle::ui
