// SPDX-License-Identifier: GPL-2.0-or-later
// The Reports page on a real store (offscreen): the report list, the table model under
// QAbstractItemModelTester, empty and invalid states, and every export: the PNG and the PDF are
// real files (PNG signature and size, a PDF with pages: pdfinfo when poppler-utils is there, else
// its own page tree), and CSV and JSON read back equal the table.
#include "common/testsupport.h"

#include "core/reports/reportexport.h"
#include "core/store/sqlstore.h"
#include "ui/pages/reports/reportrenderer.h"
#include "ui/pages/reports/reportswidget.h"
#include "ui/pages/reports/reporttablemodel.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace Oobm::Core;
using namespace Oobm::Gui;
using Oobm::Test::BackendFixture;

namespace {

// 400 systems in every state, last hellos over 40 days, steps over 20 days.
QStringList fleetSql(qint64 now)
{
    const QString t = QString::number(now);
    return {QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399) INSERT "
                           "INTO amt_systems (uuid, fqdn, address, amt_version, state, reason, first_seen_ms, "
                           "last_hello_ms) SELECT printf('%08X-0000-4000-8000-%012X', i, i), 'amt-' || i || "
                           "'.example.test', '10.0.' || (i / 256) || '.' || (i % 256), CASE i % 3 WHEN 0 THEN '3.0.4' "
                           "WHEN 1 THEN '2.6.2' ELSE '' END, i % 7, CASE WHEN i % 7 = 4 THEN 'failed to find PID X' "
                           "ELSE '' END, 0, ")
                    + t + QStringLiteral(" - (i * 8641000) % 3456000000 FROM n"),
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999) INSERT "
                           "INTO actions (time_ms, uuid, step, result, duration_ms, status) SELECT ")
                    + t
                    + QStringLiteral(" - (i * 864130) % 1728000000, printf('%08X-0000-4000-8000-%012X', i % 400, i % "
                                     "400), CASE WHEN i % 2 = 0 THEN 'CommitChanges' ELSE 'SetAdminAclEntry' END, "
                                     "CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END, 20, CASE WHEN i % 9 = 0 THEN "
                                     "'INVALID_PASSWORD' ELSE 'SUCCESS' END FROM n")};
}

// The number of pages of a PDF: pdfinfo's when it is installed, else the page tree's /Count.
int pdfPages(const QString &path, const QByteArray &bytes)
{
    if (const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo")); !pdfinfo.isEmpty()) {
        QProcess p;
        p.start(pdfinfo, {path});
        p.waitForFinished(30000);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"),
                                                             QRegularExpression::MultilineOption)
                                                  .match(QString::fromUtf8(p.readAllStandardOutput()));
        return p.exitCode() == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    // Qt writes the page tree uncompressed: one /Type /Pages with /Count, one /Type /Page per page.
    const QRegularExpressionMatch count = QRegularExpression(QStringLiteral("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)"))
                                                  .match(QString::fromLatin1(bytes));
    const int pages = int(QString::fromLatin1(bytes).count(QRegularExpression(QStringLiteral("/Type\\s*/Page\\b"))));
    if (!count.hasMatch() || count.captured(1).toInt() != pages)
        return -1;
    return pages;
}

} // namespace

class tst_ReportsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsEveryReport();
    void emptyAndInvalid();
    void exportsPngAndPdf_data();
    void exportsPngAndPdf();
    void csvAndJsonEqualTheTable_data();
    void csvAndJsonEqualTheTable();

private:
    std::unique_ptr<ReportsWidget> makeWidget(Store *store);
    bool waitShown(ReportsWidget &w);
    QByteArray exportBytes(ReportsWidget &w, ReportsWidget::ExportFormat format, const QString &name);

    std::unique_ptr<BackendFixture> m_fixture;
    std::unique_ptr<SqlStore> m_store;
    QTemporaryDir m_dir;
};

void tst_ReportsPage::initTestCase()
{
    m_fixture = std::make_unique<BackendFixture>(QStringLiteral("sqlite"));
    m_store = std::make_unique<SqlStore>(m_fixture->location());
    QVERIFY(!m_store->openAndWait());
    for (const QString &sql : fleetSql(QDateTime::currentMSecsSinceEpoch()))
        QVERIFY(m_fixture->exec(sql));
}

void tst_ReportsPage::cleanupTestCase()
{
    m_store.reset();
}

std::unique_ptr<ReportsWidget> tst_ReportsPage::makeWidget(Store *store)
{
    PageContext context;
    context.store = store;
    auto w = std::make_unique<ReportsWidget>(context);
    w->resize(1200, 800);
    w->show();
    return w;
}

bool tst_ReportsPage::waitShown(ReportsWidget &w)
{
    QSignalSpy shown(&w, &ReportsWidget::reportShown);
    return shown.wait(15000);
}

QByteArray tst_ReportsPage::exportBytes(ReportsWidget &w, ReportsWidget::ExportFormat format, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QSignalSpy finished(&w, &ReportsWidget::exportFinished);
    w.exportTo(path, format);
    if (!finished.wait(30000) || !finished.first().at(0).toBool()) {
        qWarning("export failed: %s", finished.isEmpty() ? "no answer" : qPrintable(finished.first().at(1).toString()));
        return {};
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tst_ReportsPage::showsEveryReport()
{
    auto w = makeWidget(m_store.get());
    QAbstractItemModelTester tester(w->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(w->tableView()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitShown(*w)); // the first report, at once
    QCOMPARE(w->currentReport(), ReportId::SystemsByState);
    for (const ReportDefinition &d : ReportDefinition::all()) {
        QSignalSpy shown(w.get(), &ReportsWidget::reportShown);
        w->selectReport(d.id);
        QVERIFY(w->isComputing());
        QVERIFY2(shown.wait(15000), qPrintable(d.key));
        QVERIFY(!w->isComputing());
        const ReportResult &r = w->result();
        QCOMPARE(r.key, d.key);
        // The model is the result's table.
        QCOMPARE(w->tableModel()->rowCount(), r.rows.size());
        QCOMPARE(w->tableModel()->columnCount(), r.columns.size());
        for (int c = 0; c < r.columns.size(); ++c)
            QCOMPARE(w->tableModel()->headerData(c, Qt::Horizontal).toString(), r.columns.at(c).title);
        for (int row = 0; row < std::min<int>(5, int(r.rows.size())); ++row) {
            for (int c = 0; c < r.columns.size(); ++c)
                QCOMPARE(w->tableModel()->index(row, c).data().toString(), r.displayText(row, c));
        }
        // The chart: one series per result series (bars: one set each), or nothing drawn.
        QChart *chart = w->chartView()->chart();
        QVERIFY(chart);
        if (!r.isEmpty() && !r.series.isEmpty())
            QVERIFY2(!chart->series().isEmpty(), qPrintable(d.key));
        auto *message = w->findChild<QLabel *>(QStringLiteral("reportMessage"));
        QCOMPARE(message->isVisible(), r.isEmpty());
    }
    // The collection combo lists the built-in collections.
    auto *collections = w->findChild<QComboBox *>(QStringLiteral("reportCollection"));
    QTRY_VERIFY(collections->count() > 1);
}

void tst_ReportsPage::emptyAndInvalid()
{
    // An empty store: every report says what its emptiness means.
    BackendFixture empty(QStringLiteral("sqlite"));
    SqlStore store(empty.location());
    QVERIFY(!store.openAndWait());
    auto w = makeWidget(&store);
    QVERIFY(waitShown(*w));
    auto *message = w->findChild<QLabel *>(QStringLiteral("reportMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(w->result().emptyText.toHtmlEscaped()), qPrintable(message->text()));
    // A period that ends before it starts is refused before the store is asked.
    w->selectReport(ReportId::ProvisioningPerDay);
    QVERIFY(waitShown(*w));
    QSignalSpy shown(w.get(), &ReportsWidget::reportShown);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    w->setCustomPeriod(now, now.addDays(-2));
    QVERIFY(shown.wait(5000));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("before the end")), qPrintable(message->text()));
}

void tst_ReportsPage::exportsPngAndPdf_data()
{
    QTest::addColumn<int>("report");
    QTest::addColumn<int>("minPages");
    QTest::newRow("pie") << int(ReportId::SystemsByState) << 1;
    QTest::newRow("stacked bars") << int(ReportId::ProvisioningPerDay) << 1;
    QTest::newRow("lines") << int(ReportId::KeyRunway) << 1;
    QTest::newRow("horizontal bars") << int(ReportId::FailureReasons) << 1;
    QTest::newRow("long table") << int(ReportId::SilentSystems) << 3;
}

void tst_ReportsPage::exportsPngAndPdf()
{
    QFETCH(int, report);
    QFETCH(int, minPages);
    auto w = makeWidget(m_store.get());
    QVERIFY(waitShown(*w));
    w->selectReport(ReportId(report));
    QVERIFY(waitShown(*w));
    if (ReportId(report) == ReportId::SilentSystems) {
        w->setHours(1);
        QVERIFY(waitShown(*w));
        QVERIFY(w->result().rows.size() > 150);
    }
    const QString key = w->result().key;

    const QByteArray png = exportBytes(*w, ReportsWidget::ExportFormat::Png, key + QStringLiteral(".png"));
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    QCOMPARE(qFromBigEndian<quint32>(png.constData() + 16), quint32(ReportRenderer::PngSize.width()));
    QCOMPARE(qFromBigEndian<quint32>(png.constData() + 20), quint32(ReportRenderer::PngSize.height()));
    QVERIFY(png.size() > 10000);
    // Something was drawn: more than the white background and a few greys.
    const QImage image = QImage::fromData(png, "PNG");
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));

    const QString pdfPath = m_dir.filePath(key + QStringLiteral(".pdf"));
    const QByteArray pdf = exportBytes(*w, ReportsWidget::ExportFormat::Pdf, key + QStringLiteral(".pdf"));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.contains("trailer") || pdf.contains("/Root"));
    const int pages = pdfPages(pdfPath, pdf);
    QVERIFY2(pages >= minPages, qPrintable(QString::number(pages)));
}

void tst_ReportsPage::csvAndJsonEqualTheTable_data()
{
    QTest::addColumn<int>("report");
    for (const ReportDefinition &d : ReportDefinition::all())
        QTest::newRow(qPrintable(d.key)) << int(d.id);
}

void tst_ReportsPage::csvAndJsonEqualTheTable()
{
    QFETCH(int, report);
    auto w = makeWidget(m_store.get());
    QVERIFY(waitShown(*w));
    if (w->currentReport() != ReportId(report)) {
        w->selectReport(ReportId(report));
        QVERIFY(waitShown(*w));
    }
    const ReportTableModel *model = w->tableModel();
    const QString key = w->result().key;

    const QList<QStringList> csv = ReportExport::parseCsv(
            exportBytes(*w, ReportsWidget::ExportFormat::Csv, key + QStringLiteral(".csv")));
    QCOMPARE(csv.size(), model->rowCount() + 1);
    for (int c = 0; c < model->columnCount(); ++c)
        QCOMPARE(csv.at(0).at(c), model->headerData(c, Qt::Horizontal).toString());
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(csv.at(row + 1).size(), model->columnCount());
        for (int c = 0; c < model->columnCount(); ++c)
            QCOMPARE(csv.at(row + 1).at(c), model->index(row, c).data(Qt::EditRole).toString());
    }

    ReportResult back;
    QString error;
    QVERIFY2(ReportExport::fromJson(exportBytes(*w, ReportsWidget::ExportFormat::Json, key + QStringLiteral(".json")),
                                    &back, &error),
             qPrintable(error));
    QCOMPARE(back.key, key);
    QCOMPARE(back.columns.size(), model->columnCount());
    QCOMPARE(back.rows.size(), model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int c = 0; c < model->columnCount(); ++c) {
            QCOMPARE(back.plainText(row, c), model->index(row, c).data(Qt::EditRole).toString());
            QCOMPARE(back.displayText(row, c), model->index(row, c).data(Qt::DisplayRole).toString());
        }
    }
}

QTEST_MAIN(tst_ReportsPage)
#include "tst_reportspage.moc"
