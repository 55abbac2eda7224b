// Produce dialog.
#include "producedialog.h"
#include "browser/placeholders.h"
#include "jsonhighlighter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kastle::ui {

ProduceDialog::ProduceDialog(TargetResolver resolver, core::TemplateStore *templates,
                             QWidget *parent)
    : QDialog(parent)
    , m_resolver(std::move(resolver))
    , m_templates(templates)
    , m_producer(new core::MessageProducer(this))
{
    setObjectName(QStringLiteral("produceDialog"));
    setWindowTitle(tr("Produce messages"));

    m_templateBox = new QComboBox(this);
    m_templateBox->setObjectName(QStringLiteral("templateBox"));
    m_saveTemplate = new QPushButton(tr("Save as template…"), this);
    m_deleteTemplate = new QPushButton(tr("Delete template"), this);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_templateBox, 1);
    templateRow->addWidget(m_saveTemplate);
    templateRow->addWidget(m_deleteTemplate);

    m_topic = new QComboBox(this);
    m_topic->setObjectName(QStringLiteral("produceTopic"));
    m_topic->setEditable(true);
    m_partition = new QSpinBox(this);
    m_partition->setObjectName(QStringLiteral("producePartition"));
    m_partition->setRange(-1, 1'000'000);
    m_partition->setSpecialValueText(tr("Automatic (partitioner)"));
    m_partition->setValue(-1);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("produceKey"));
    m_key->setPlaceholderText(tr("e.g. order-{{seq}}"));
    m_nullKey = new QCheckBox(tr("No key (null)"), this);
    m_nullKey->setObjectName(QStringLiteral("produceNullKey"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_nullKey);

    m_valueKind = new QComboBox(this);
    m_valueKind->setObjectName(QStringLiteral("valueKind"));
    m_valueKind->addItem(tr("JSON"));
    m_valueKind->addItem(tr("Text"));
    m_valueKind->addItem(tr("Null (tombstone)"));
    m_value = new QPlainTextEdit(this);
    m_value->setObjectName(QStringLiteral("produceValue"));
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setPlaceholderText(tr("{\"id\": \"{{uuid}}\", \"at\": \"{{now}}\", \"n\": {{seq}}}"));
    m_value->setTabChangesFocus(true);
    new JsonHighlighter(m_value->document());
    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("valueValidation"));
    m_validation->setWordWrap(true);

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(QStringLiteral("produceHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setMinimumHeight(90);
    auto *addHeader = new QPushButton(tr("Add header"), this);
    addHeader->setObjectName(QStringLiteral("addHeader"));
    auto *removeHeader = new QPushButton(tr("Remove header"), this);
    auto *headerButtons = new QVBoxLayout;
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_headers, 1);
    headerRow->addLayout(headerButtons);

    m_compression = new QComboBox(this);
    m_compression->setObjectName(QStringLiteral("compression"));
    for (const char *c : {"none", "gzip", "snappy", "lz4", "zstd"})
        m_compression->addItem(QString::fromLatin1(c), QString::fromLatin1(c));
    m_acks = new QComboBox(this);
    m_acks->setObjectName(QStringLiteral("acks"));
    m_acks->addItem(tr("All in-sync replicas (all)"), QStringLiteral("all"));
    m_acks->addItem(tr("Leader only (1)"), QStringLiteral("1"));
    m_acks->addItem(tr("None (0)"), QStringLiteral("0"));
    m_repeat = new QSpinBox(this);
    m_repeat->setObjectName(QStringLiteral("repeat"));
    m_repeat->setRange(1, 10'000'000);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(0, 3'600'000);
    m_interval->setSuffix(tr(" ms"));
    auto *delivery = new QHBoxLayout;
    delivery->addWidget(m_compression);
    delivery->addWidget(new QLabel(tr("Acks:"), this));
    delivery->addWidget(m_acks);
    delivery->addStretch();
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(new QLabel(tr("times, every"), this));
    repeatRow->addWidget(m_interval);
    repeatRow->addStretch();

    auto *hint = new QLabel(tr("Placeholders: {{uuid}} {{now}} {{now.ms}} {{seq}} "
                               "{{random.int(1,100)}} — expanded for every message."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Template:"), templateRow);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Partition:"), m_partition);
    form->addRow(tr("Key:"), keyRow);
    form->addRow(tr("Value:"), m_valueKind);
    form->addRow(m_value);
    form->addRow(m_validation);
    form->addRow(tr("Headers:"), headerRow);
    form->addRow(tr("Compression:"), delivery);
    form->addRow(tr("Send:"), repeatRow);
    form->addRow(hint);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("produceStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Stop"), this);
    m_cancel->setEnabled(false);
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addLayout(buttons);
    resize(680, 640);

    connect(addHeader, &QPushButton::clicked, this, [this] {
        m_headers->insertRow(m_headers->rowCount());
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
    });
    connect(removeHeader, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0)
            m_headers->removeRow(m_headers->currentRow());
    });
    connect(m_nullKey, &QCheckBox::toggled, m_key, &QWidget::setDisabled);
    connect(m_valueKind, &QComboBox::currentIndexChanged, this, [this] {
        m_value->setEnabled(m_valueKind->currentIndex() != 2);
        validate();
    });
    connect(m_value, &QPlainTextEdit::textChanged, this, &ProduceDialog::validate);
    connect(m_send, &QPushButton::clicked, this, &ProduceDialog::send);
    connect(m_cancel, &QPushButton::clicked, m_producer, &core::MessageProducer::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_saveTemplate, &QPushButton::clicked, this, &ProduceDialog::saveTemplate);
    connect(m_deleteTemplate, &QPushButton::clicked, this, &ProduceDialog::deleteTemplate);
    connect(m_templateBox, &QComboBox::activated, this, [this](int index) {
        if (index > 0 && index - 1 < m_templateList.size())
            applyTemplate(m_templateList[index - 1]);
        m_deleteTemplate->setEnabled(index > 0);
    });
    connect(m_producer, &core::MessageProducer::progress, this,
            [this](quint64 job, const core::ProduceProgress &p) {
                if (job == m_job)
                    m_status->setText(tr("Sent %1 of %2…").arg(p.sent).arg(p.total));
            });
    connect(m_producer, &core::MessageProducer::finished, this, &ProduceDialog::onFinished);

    m_saveTemplate->setEnabled(m_templates != nullptr);
    reloadTemplates();
    validate();
}

void ProduceDialog::setTopics(const QStringList &topics)
{
    const QString current = m_topic->currentText();
    m_topic->clear();
    m_topic->addItems(topics);
    m_topic->setEditText(current);
}

void ProduceDialog::setTopic(const QString &topic)
{
    m_topic->setEditText(topic);
}

core::ProduceRequest ProduceDialog::request() const
{
    core::ProduceRequest r;
    r.topic = m_topic->currentText().trimmed();
    r.partition = m_partition->value();
    if (!m_nullKey->isChecked())
        r.key = m_key->text();
    if (m_valueKind->currentIndex() != 2)
        r.value = m_value->toPlainText();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        if (name && !name->text().isEmpty())
            r.headers.append({name->text(), value ? value->text() : QString()});
    }
    r.compression = m_compression->currentData().toString();
    r.acks = m_acks->currentData().toString();
    r.repeat = m_repeat->value();
    r.intervalMs = m_interval->value();
    return r;
}

core::ProduceTemplate ProduceDialog::currentAsTemplate(const QString &name) const
{
    const core::ProduceRequest r = request();
    core::ProduceTemplate t;
    t.name = name;
    t.topic = r.topic;
    t.key = m_key->text();
    t.nullKey = m_nullKey->isChecked();
    t.value = m_value->toPlainText();
    t.headers = r.headers;
    t.partition = r.partition;
    t.compression = r.compression;
    t.acks = r.acks;
    t.repeat = r.repeat;
    t.intervalMs = r.intervalMs;
    return t;
}

void ProduceDialog::applyTemplate(const core::ProduceTemplate &t)
{
    if (!t.topic.isEmpty())
        m_topic->setEditText(t.topic);
    m_partition->setValue(t.partition);
    m_key->setText(t.key);
    m_nullKey->setChecked(t.nullKey);
    m_value->setPlainText(t.value);
    m_headers->setRowCount(0);
    for (const auto &[name, value] : t.headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(name));
        m_headers->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_compression->setCurrentIndex(std::max(0, m_compression->findData(t.compression)));
    m_acks->setCurrentIndex(std::max(0, m_acks->findData(t.acks)));
    m_repeat->setValue(t.repeat);
    m_interval->setValue(t.intervalMs);
}

QString ProduceDialog::validationError() const
{
    if (m_valueKind->currentIndex() != 0)
        return {};
    // Placeholders are expanded with sample values first, so {"n": {{seq}}} validates.
    QRandomGenerator random(1);
    const QString sample = core::Placeholders::expand(m_value->toPlainText(), 1,
                                                      QDateTime::currentDateTimeUtc(), random);
    if (sample.trimmed().isEmpty())
        return tr("The value is empty; choose Text to send an empty value.");
    QJsonParseError error;
    QJsonDocument::fromJson(sample.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // Report a line and column: offsets mean nothing to a person typing.
        const QByteArray before = sample.toUtf8().left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = before.size() - before.lastIndexOf('\n');
        return tr("Not valid JSON at line %1, column %2: %3.")
            .arg(line)
            .arg(column)
            .arg(error.errorString());
    }
    return {};
}

QString ProduceDialog::statusText() const
{
    return m_status->text();
}

void ProduceDialog::validate()
{
    const QString error = validationError();
    QStringList unknown = core::Placeholders::unknown(m_value->toPlainText());
    if (!error.isEmpty()) {
        m_validation->setText(error);
        m_validation->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else if (!unknown.isEmpty()) {
        m_validation->setText(tr("Unknown placeholder(s) sent as written: %1")
                                  .arg(unknown.join(QStringLiteral(", "))));
        m_validation->setStyleSheet(QStringLiteral("color: #b26a00;"));
    } else {
        m_validation->setText(m_valueKind->currentIndex() == 0 ? tr("Valid JSON.") : QString());
        m_validation->setStyleSheet({});
    }
    m_send->setEnabled(error.isEmpty() && m_job == 0);
}

void ProduceDialog::send()
{
    if (m_job != 0 || !validationError().isEmpty())
        return;
    const core::ProduceRequest r = request();
    if (r.topic.isEmpty()) {
        m_status->setText(tr("Choose a topic first."));
        return;
    }
    m_send->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Connecting…"));
    m_job = ~quint64(0); // sending, before the producer has a job id
    m_resolver(this, [this, r](core::Result<core::KafkaTarget> target) {
        if (!target) {
            m_job = 0;
            m_status->setText(target.error().message);
            m_cancel->setEnabled(false);
            validate();
            return;
        }
        m_job = m_producer->produce(*target, r);
    });
}

void ProduceDialog::onFinished(quint64 job, const core::ProduceOutcome &outcome)
{
    if (job != m_job)
        return;
    m_job = 0;
    m_cancel->setEnabled(false);
    validate();
    QString text;
    if (!outcome.error.message.isEmpty()) {
        text = outcome.error.message;
        if (outcome.progress.sent > 0)
            text += QLatin1Char(' ') + tr("%n message(s) were delivered before that.", nullptr,
                                          static_cast<int>(outcome.progress.sent));
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else {
        m_status->setStyleSheet({});
        text = outcome.cancelled
                   ? tr("Stopped after %n message(s).", nullptr,
                        static_cast<int>(outcome.progress.sent))
                   : tr("Sent %n message(s); the last went to partition %1 at offset %2.", nullptr,
                        static_cast<int>(outcome.progress.sent))
                         .arg(outcome.lastPartition)
                         .arg(outcome.lastOffset);
    }
    m_status->setText(text);
    Q_EMIT sent(outcome);
}

void ProduceDialog::reloadTemplates(const QString &select)
{
    m_templateBox->clear();
    m_templateBox->addItem(tr("(no template)"));
    m_templateList.clear();
    if (m_templates) {
        core::Result<QList<core::ProduceTemplate>> list = m_templates->list();
        if (list)
            m_templateList = *list;
        else
            m_status->setText(list.error().message);
    }
    for (const core::ProduceTemplate &t : std::as_const(m_templateList)) {
        m_templateBox->addItem(t.name);
        if (t.name == select)
            m_templateBox->setCurrentIndex(m_templateBox->count() - 1);
    }
    m_templateBox->setEnabled(m_templates != nullptr);
    m_deleteTemplate->setEnabled(m_templateBox->currentIndex() > 0);
}

void ProduceDialog::saveTemplate()
{
    bool ok = false;
    const QString current =
        m_templateBox->currentIndex() > 0 ? m_templateBox->currentText() : QString();
    const QString name = QInputDialog::getText(this, tr("Save template"), tr("Template name:"),
                                               QLineEdit::Normal, current, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (core::Status s = m_templates->save(currentAsTemplate(name)); !s) {
        QMessageBox::warning(this, tr("Template not saved"), s.error().message);
        return;
    }
    reloadTemplates(name);
}

void ProduceDialog::deleteTemplate()
{
    const int index = m_templateBox->currentIndex();
    if (!m_templates || index <= 0)
        return;
    if (core::Status s = m_templates->remove(m_templateBox->currentText()); !s)
        QMessageBox::warning(this, tr("Template not deleted"), s.error().message);
    reloadTemplates();
}

} // namespace kastle::ui
