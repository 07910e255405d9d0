// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkresultsmodel.h"

#include "ui/shell/icons.h"

namespace Oobm::Gui {

using Core::CheckVerdict;

namespace {

QString verdictText(CheckVerdict v)
{
    switch (v) {
    case CheckVerdict::Pass:
        return CheckResultsModel::tr("Pass");
    case CheckVerdict::Info:
        return CheckResultsModel::tr("Info");
    case CheckVerdict::Warning:
        return CheckResultsModel::tr("Warning");
    case CheckVerdict::Fail:
        return CheckResultsModel::tr("Fail");
    }
    return {};
}

QString verdictIcon(CheckVerdict v)
{
    switch (v) {
    case CheckVerdict::Pass:
        return QStringLiteral("pass");
    case CheckVerdict::Info:
        return QStringLiteral("information");
    case CheckVerdict::Warning:
        return QStringLiteral("warning");
    case CheckVerdict::Fail:
        return QStringLiteral("error");
    }
    return {};
}

QString causeAndFix(const Core::CheckResult &r)
{
    if (r.fix.isEmpty())
        return r.cause;
    return CheckResultsModel::tr("%1 Fix: %2").arg(r.cause, r.fix).trimmed();
}

} // namespace

CheckResultsModel::CheckResultsModel(QObject *parent)
    : TableModel(parent)
{
    setColumnTitles({tr("Result"), tr("Check"), tr("Answer"), tr("Cause and fix")});
}

CheckResultsModel::~CheckResultsModel() = default;

int CheckResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant CheckResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::CheckResult &r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResultColumn:
            return verdictText(r.verdict);
        case CheckColumn:
            return r.check;
        case AnswerColumn:
            return r.answer;
        case CauseColumn:
            return causeAndFix(r);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ResultColumn)
            return bundledIcon(verdictIcon(r.verdict));
        break;
    case Qt::ToolTipRole:
        return r.toText();
    case Qt::UserRole:
        return r.id;
    default:
        break;
    }
    return {};
}

void CheckResultsModel::clear()
{
    if (m_results.isEmpty())
        return;
    beginResetModel();
    m_results.clear();
    endResetModel();
}

void CheckResultsModel::append(const Core::CheckResult &result)
{
    const int row = int(m_results.size());
    beginInsertRows({}, row, row);
    m_results.append(result);
    endInsertRows();
}

} // namespace Oobm::Gui
