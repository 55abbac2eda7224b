// The config editor of a topic (or broker): a table of every config with its value, source and
// default; dynamic ones are editable in place, and "Review changes" shows exactly what will be
// sent (set or reset to default) before anything is applied.
#pragma once

#include "session/operations.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace kastle::ui {

// Rows of a ConfigSet with the user's pending edits.
class ConfigTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Value, Source, Default, ColumnCount };
    explicit ConfigTableModel(QObject *parent = nullptr);

    void setConfigs(const core::ConfigSet &set, bool editable);
    const core::ConfigSet &configs() const { return m_set; }
    // The edits as operations: a changed value is Set, a value cleared (or reset) is Delete.
    std::vector<core::ConfigChange> changes() const;
    void resetToDefault(int row);
    bool setValue(const QString &name, const QString &value); // for tests and scripting

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    static QString sourceText(core::ConfigSource source);

private:
    core::ConfigSet m_set;
    bool m_editable = false;
    // Pending edits by row: a value, or a null QString for "reset to default".
    QHash<int, QString> m_edits;
};

class ConfigEditorDialog : public QDialog
{
    Q_OBJECT
public:
    ConfigEditorDialog(const core::ConfigSet &set, bool editable, QWidget *parent = nullptr);

    ConfigTableModel *model() const { return m_model; }
    // Switches to the review step (what review shows is what apply sends).
    void review();
    QString reviewText() const;
    bool reviewing() const;
    void setBusy(bool busy, const QString &message = {});

Q_SIGNALS:
    // The user confirmed the reviewed changes; the page sends them and calls done()/setBusy().
    void applyRequested(const std::vector<kastle::core::ConfigChange> &changes);

private:
    ConfigTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_filter;
    QStackedWidget *m_steps;
    QPlainTextEdit *m_review;
    QLabel *m_status;
    QPushButton *m_reviewButton;
    QPushButton *m_applyButton;
    QPushButton *m_backButton;
};

} // namespace kastle::ui
