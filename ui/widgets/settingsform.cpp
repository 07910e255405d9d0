// SPDX-License-Identifier: GPL-2.0-or-later
#include "settingsform.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QColor>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Oobm::Gui {

using Core::ServiceSettings;
using Core::SettingProblem;

namespace {

QColor errorColor()
{
    return QColor(0xb0, 0x1c, 0x1c);
}

QString errorBorder()
{
    return QStringLiteral("border: 1px solid #b01c1c;");
}

bool hasProblem(const QList<SettingProblem> &problems, const QString &key)
{
    return std::any_of(problems.cbegin(), problems.cend(), [&key](const SettingProblem &p) { return p.key == key; });
}

} // namespace

SettingsForm::SettingsForm(Core::Store *store, SettingsFields *fields, QWidget *parent)
    : QObject(parent)
    , m_store(store)
    , m_fields(fields)
    , m_fieldList(fields->settingsFields())
    , m_banner(new QWidget(parent))
    , m_readOnlyBanner(new QLabel(m_banner))
    , m_changedBanner(new QLabel(m_banner))
    , m_buttons(new QWidget(parent))
    , m_status(new QLabel(m_buttons))
    , m_apply(new QPushButton(tr("&Apply"), m_buttons))
    , m_revert(new QPushButton(tr("Re&vert"), m_buttons))
{
    for (const SettingsFields::Field &f : std::as_const(m_fieldList)) {
        m_keys.append(f.key);
        if (f.error) {
            QPalette p = f.error->palette();
            p.setColor(QPalette::WindowText, errorColor());
            f.error->setPalette(p);
            f.error->setWordWrap(true);
            f.error->hide();
        }
    }

    m_banner->setObjectName(QStringLiteral("settingsBanner"));
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_changedBanner->setObjectName(QStringLiteral("changedElsewhereBanner"));
    m_changedBanner->setText(tr("The stored settings were changed elsewhere while you were editing. Your edits are "
                                "kept, and the fields you did not change show the new values. Revert shows the "
                                "stored values."));
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : {m_readOnlyBanner, m_changedBanner}) {
        label->setWordWrap(true);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(6);
        label->hide();
        bannerLayout->addWidget(label);
    }
    m_banner->hide();

    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setDefault(true);
    m_revert->setObjectName(QStringLiteral("revert"));
    auto *row = new QHBoxLayout(m_buttons);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_status, 1);
    row->addWidget(m_apply);
    row->addWidget(m_revert);

    connect(m_apply, &QPushButton::clicked, this, &SettingsForm::apply);
    connect(m_revert, &QPushButton::clicked, this, &SettingsForm::revert);
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        if (m_store->isReadable() && !m_loaded && !m_loading)
            load();
        else
            updateState();
    });
    connect(m_store, &Core::Store::serviceSettingsChanged, this, &SettingsForm::onStoredChanged);

    if (m_store->isReadable())
        load();
    else
        updateState();
}

SettingsForm::~SettingsForm() = default;

void SettingsForm::load()
{
    m_loading = true;
    updateState();
    Core::whenReady(m_store->serviceSettings(), this, [this](const Core::StoreResult<ServiceSettings> &r) {
        m_loading = false;
        if (!r.ok()) {
            showStatus(r.error.message, true);
            updateState();
            return;
        }
        m_loaded = true;
        m_stored = r.value;
        m_changedElsewhere = false;
        showFields(m_stored, m_keys);
        updateState();
        Q_EMIT loaded();
    });
}

void SettingsForm::onStoredChanged(const ServiceSettings &settings)
{
    // Before the first load, the load under way shows them.
    if (!m_loaded)
        return;
    const QStringList touched = changedKeys();
    const ServiceSettings current = edited();
    const ServiceSettings before = m_stored;
    m_stored = settings;
    QStringList untouched;
    bool elsewhere = false;
    for (const QString &key : std::as_const(m_keys)) {
        const bool changedInStore = settings.value(key) != before.value(key);
        if (!touched.contains(key)) {
            untouched.append(key);
            elsewhere = elsewhere || changedInStore;
        } else if (changedInStore && settings.value(key) != current.value(key)) {
            elsewhere = true; // the user's edit and the new stored value differ
        }
    }
    // Our own Apply comes back here too, with the edited values: that is no news.
    if (!touched.isEmpty() && elsewhere)
        m_changedElsewhere = true;
    showFields(settings, untouched);
    updateState();
}

void SettingsForm::showFields(const ServiceSettings &settings, const QStringList &keys)
{
    if (keys.isEmpty())
        return;
    m_showing = true;
    m_fields->showSettings(settings, keys);
    m_showing = false;
}

ServiceSettings SettingsForm::edited(QList<SettingProblem> *problems) const
{
    ServiceSettings s = m_stored;
    const QList<SettingProblem> unreadable = m_fields->readSettings(s);
    if (problems) {
        *problems = unreadable;
        for (const SettingProblem &p : s.validate()) {
            if (m_keys.contains(p.key) && !hasProblem(*problems, p.key))
                problems->append(p);
        }
    }
    return s;
}

QStringList SettingsForm::changedKeys() const
{
    if (!m_loaded)
        return {};
    ServiceSettings s = m_stored;
    const QList<SettingProblem> unreadable = m_fields->readSettings(s);
    QStringList keys;
    for (const QString &key : std::as_const(m_keys)) {
        if (hasProblem(unreadable, key) || s.value(key) != m_stored.value(key))
            keys.append(key);
    }
    return keys;
}

QList<QWidget *> SettingsForm::inputs() const
{
    QList<QWidget *> inputs;
    for (const SettingsFields::Field &f : std::as_const(m_fieldList))
        inputs += f.inputs;
    return inputs;
}

bool SettingsForm::isModified() const
{
    return !changedKeys().isEmpty();
}

void SettingsForm::fieldsEdited()
{
    if (m_showing)
        return;
    // What the last Apply said is about values no longer shown.
    if (!m_applying)
        m_status->clear();
    updateState();
}

bool SettingsForm::apply()
{
    if (!m_loaded || m_applying)
        return true; // nothing to apply yet, or already under way
    QList<SettingProblem> problems;
    const ServiceSettings wanted = edited(&problems);
    if (!problems.isEmpty()) {
        updateState();
        focusInput(problems.first().key);
        return false;
    }
    const QStringList changed = changedKeys();
    if (changed.isEmpty())
        return true;
    if (!m_store->isWritable()) {
        showStatus(tr("The settings were not applied: %1").arg(m_store->lastError().message), true);
        return false;
    }
    m_applying = true;
    showStatus(tr("Applying…"), false);
    updateState();
    const auto finish = [this](const Core::StoreError &error, const QStringList &changes) {
        m_applying = false;
        if (error) {
            showStatus(tr("The settings were not applied: %1").arg(error.message), true);
            updateState();
            Q_EMIT applied(false);
            return;
        }
        showStatus(changes.isEmpty() ? tr("Nothing changed.") : changes.join(u' '), false);
        updateState();
        Q_EMIT applied(true);
    };
    // Only the keys edited here, over what the store holds now: a key that another page or process
    // changed since this form read it is not written back with the value this form saw.
    Core::whenReady(m_store->serviceSettings(), this,
                    [this, wanted, changed, finish](const Core::StoreResult<ServiceSettings> &current) {
        if (!current.ok()) {
            finish(current.error, {});
            return;
        }
        ServiceSettings merged = current.value;
        for (const QString &key : changed)
            merged.setValue(key, wanted.value(key));
        Core::whenReady(m_store->applyServiceSettings(merged, QStringLiteral("console")), this,
                        [this, wanted, changed, finish](const Core::StoreResult<QStringList> &r) {
            if (r.ok()) {
                // The store reports what it holds now (serviceSettingsChanged), usually before this.
                for (const QString &key : changed)
                    m_stored.setValue(key, wanted.value(key));
            }
            finish(r.error, r.value);
        });
    });
    return true;
}

void SettingsForm::revert()
{
    if (!m_loaded)
        return;
    showFields(m_stored, m_keys);
    m_changedElsewhere = false;
    if (!m_applying)
        m_status->clear();
    updateState();
}

void SettingsForm::updateState()
{
    QList<SettingProblem> problems;
    if (m_loaded)
        edited(&problems);
    const bool modified = isModified();
    const bool editable = m_loaded && !isBusy() && m_store->isWritable();

    // Each problem next to its input; labels that several keys share show each of theirs.
    QList<std::pair<QLabel *, QStringList>> messages;
    for (const SettingsFields::Field &f : std::as_const(m_fieldList)) {
        QString message;
        for (const SettingProblem &p : std::as_const(problems)) {
            if (p.key == f.key)
                message = p.message;
        }
        for (QWidget *input : f.inputs) {
            input->setEnabled(editable);
            input->setAccessibleDescription(message);
            if (qobject_cast<QLineEdit *>(input)) {
                const QString style = message.isEmpty() ? QString() : errorBorder();
                if (input->styleSheet() != style)
                    input->setStyleSheet(style);
            }
        }
        if (!f.error)
            continue;
        auto it = std::find_if(messages.begin(), messages.end(), [&f](const auto &m) { return m.first == f.error; });
        if (it == messages.end())
            it = messages.insert(messages.end(), {f.error, {}});
        if (!message.isEmpty())
            it->second.append(message);
    }
    for (const auto &[label, texts] : std::as_const(messages)) {
        label->setText(texts.join(u'\n'));
        label->setVisible(!texts.isEmpty());
    }

    m_apply->setEnabled(editable && modified && problems.isEmpty());
    m_revert->setEnabled(!isBusy() && modified);

    const bool readOnly = m_store->state() == Core::Store::State::ReadOnly;
    m_readOnlyBanner->setText(readOnly ? tr("These settings are shown read-only. %1").arg(m_store->lastError().message)
                                       : QString());
    m_readOnlyBanner->setVisible(readOnly);
    if (!modified)
        m_changedElsewhere = false;
    m_changedBanner->setVisible(m_changedElsewhere);
    m_banner->setVisible(readOnly || m_changedElsewhere);

    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void SettingsForm::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = m_buttons->palette();
    if (error)
        p.setColor(QPalette::WindowText, errorColor());
    m_status->setPalette(p);
}

void SettingsForm::focusInput(const QString &key)
{
    for (const SettingsFields::Field &f : std::as_const(m_fieldList)) {
        if (f.key == key && !f.inputs.isEmpty()) {
            f.inputs.first()->setFocus();
            return;
        }
    }
}

} // namespace Oobm::Gui
