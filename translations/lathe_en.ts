<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FileRouter</name>
    <message>
        <source>Lathe projects (*.lathe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects and data (*.lathe *.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioDocks</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project contents yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s datasets, pipelines, runs and models are listed here. Open a project, or drop a data file onto the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a CSV, TSV, ARFF, JSON or SQLite file onto the window to import it. Its rows and column profiles appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipe yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipe is a list of transform steps on a dataset: filter rows, fill missing values, encode, scale. Import data first; every step can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to train yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a dataset and pick a target column: Lathe detects the task and suggests algorithms. Training runs in the background and can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every training run is recorded here with its parameters and metrics, so you can compare runs side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chart yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a column to see its distribution, or select runs to compare their ROC, precision-recall and confusion-matrix charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports, training and pipeline runs appear here with how long they took and how they ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::AboutDialog</name>
    <message>
        <source>About Lathe Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop studio for the whole machine-learning lifecycle: from a business goal to a monitored model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV or other delimited text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARFF (Weka)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON array of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean (CP949 / EUC-KR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese (Shift-JIS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (GBK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western (Windows-1252 / Latin-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly checked: detect it from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values that mean “missing”, separated by commas. An empty field is always missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read this file with these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The first %n rows as they will be read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::JobManager</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, empty project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project or a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the project under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Selected Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Lathe Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pipeline is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data to start a pipeline: open a data file or drop one onto the window. Data, transform and model nodes then connect here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add nodes to the pipeline to run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every stale node of the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected node and what it needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Lathe Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither a Lathe project nor a data file Lathe can import (CSV, TSV, ARFF, JSON or SQLite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started a new project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving projects needs the project store, which this build does not have yet. Nothing was written to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening projects needs the project store, which this build does not have yet. “%1” was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” no longer exists; it was removed from the recent projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CSV, TSV, ARFF, JSON or SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export Data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the rows in the Data dock to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataTableModel</name>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n missing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::widgets::JobLogView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::JobStatusWidget</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel all running jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
