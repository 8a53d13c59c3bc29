<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddLinkCommand</name>
    <message>
        <source>Connect nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <source>Add node “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddRecipeStepCommand</name>
    <message>
        <source>Add step “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the chart could not be drawn into the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the existing file could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonReport</name>
    <message>
        <source>Run comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ marks the best run of each metric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .html or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the PDF could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameters against the metric</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDatasetCommand</name>
    <message>
        <source>Delete dataset “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteRunCommand</name>
    <message>
        <source>Delete run “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditProjectInfoCommand</name>
    <message>
        <source>Edit project description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit business goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit decision costs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditRecipeStepCommand</name>
    <message>
        <source>Edit step “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>HyperparameterHints</name>
    <message>
        <source>Inverse of the regularisation strength: smaller values keep the weights smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l2 shrinks every weight; l1 sets weak ones to exactly zero; none: no penalty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additive smoothing of category counts (categorical and multinomial variants).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength of the L2 (or elastic-net) penalty on the weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elastic net only: the share of L1 in the penalty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most iterations (or epochs) the solver may run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stops when an iteration improves by less than this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn a constant term as well as the weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosting rounds: one tree is added per round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of trees; more trees are steadier but slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deepest a tree may grow; empty: until the leaves are pure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deepest each boosted tree may grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest training rows a leaf may hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest rows a node needs to be split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features tried at each split: auto (all for a tree, the square root for a forest&apos;s classifier), sqrt, log2, or a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How a split is judged: gini or entropy for classes, squared_error for values; auto picks by task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each tree learns from a resample of the rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score each row with the trees that did not see it (out-of-bag).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads; 0 uses every core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random numbers: the same seed gives the same model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much each new tree corrects the previous ones; smaller needs more rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of rows each tree sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of features each tree sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest total weight (hessian) a leaf may hold; larger is more conservative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty on the leaf values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when the validation score has not improved for this many rounds; empty: never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the training rows held out to decide early stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many nearest rows vote on a prediction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform: every neighbour counts the same; distance: nearer ones count more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How distance between rows is measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise the inputs (mean 0, standard deviation 1) inside the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gaussian for measurements, multinomial for counts, categorical for category codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to every variance, as a share of the largest, for stability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units in each hidden layer, e.g. [100] or [64, 32].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per mini-batch; auto: 200, or all rows when fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold out validation rows and stop when their score stops improving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs without improvement before training stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s decay rate of its running averages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s guard against division by zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle the rows before every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many clusters to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts from different seeds; the best is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest distance between two rows of one neighbourhood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows a neighbourhood needs to form the core of a cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components to keep; empty: as many as features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected share of anomalies, or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows each tree samples, or auto (256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient-boosted trees (XGBoost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-nearest neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naive Bayes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural network (multilayer perceptron)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-means clustering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DBSCAN clustering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal component analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation forest (anomalies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A linear model of class probabilities; fast and easy to explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A straight-line model of a value: least squares, ridge, lasso or elastic net.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes/no questions on the features, drawn as a tree you can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many trees on resampled rows, voting: strong with little tuning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trees added one by one, each fixing the last ones&apos; errors: often the most accurate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicts from the most similar training rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts and averages per class; very fast, a good baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers of units trained by gradient descent; needs more data and time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDatasetCommand</name>
    <message>
        <source>Import “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkCandidateRunCommand</name>
    <message>
        <source>Mark run “%1” as the candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmark run “%1” as the candidate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorFormat</name>
    <message>
        <source>missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KS</source>
        <comment>Kolmogorov-Smirnov test</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi-square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unseen category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1 drifted (PSI %2, threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1 drifted (PSI %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1 drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1 broke its constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints broken in the batch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch broke its constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted (PSI %1, threshold %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted (PSI %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model quality: %1 is %2, missing the target %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model quality: %1 missed its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias on %1: the gap between groups is %2 (threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias on %1 grew past its threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature importances changed order (NDCG %1, threshold %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature importances changed order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveRecipeStepCommand</name>
    <message>
        <source>Move step %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Unknown node type “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeTypeNames</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteNodesCommand</name>
    <message>
        <source>Paste nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>Input “%1”: takes a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output “%1”: gives a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectMessages</name>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a folder or a device, not a project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is empty (0 bytes). It is not a Lathe project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a Lathe project: it is not an SQLite database at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an SQLite database of another application, not a Lathe project. Lathe did not change it. To use its tables as data, import it with File › Import Data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was saved by a newer version of Lathe. Update Lathe to open it; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was saved by an older version of Lathe and must be upgraded, but it is read-only here. Copy it to a folder you can write to and open the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read. If you have a backup (a .bak file beside it), open that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is open in another Lathe window or process. Close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is this project&apos;s own file. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written, and nothing was changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open for editing in another Lathe window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged; use Save As to rescue a copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipeStepCatalog</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding and scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binning and outliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep rows where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop duplicate rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare columns (none: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratified sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the shares of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill missing values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a “was missing” column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-hot encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unseen categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the first level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinal encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log(1 + x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip outliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQR factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-score threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TF-IDF features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum document frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train/validation/test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratify by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An “other” column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise (mean 0, deviation 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min–max range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robust (median and IQR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range (min–max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interquartile range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys in the other dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching rows only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows of this dataset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipeStepSummary</name>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns: %2 +%3 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the most frequent value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the value above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, marking them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, levels sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to the range %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by median and IQR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standardise %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log(1 + x) of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 into %2 quantile bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 into %2 equal-width bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 beyond %2 standard deviations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 beyond %2 × IQR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, up to %2 terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep rows where %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows repeating an earlier row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows repeating an earlier row&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeping the shares of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rows of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all rows, with %1 matched on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows matching %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% train, %2% validation, %3% test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, keeping the shares of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveItemsCommand</name>
    <message numerus="yes">
        <source>Remove %n link(s)</source>
        <translation>
            <numerusform>Remove %n link</numerusform>
            <numerusform>Remove %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n node(s)</source>
        <translation>
            <numerusform>Remove %n node</numerusform>
            <numerusform>Remove %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveRecipeStepCommand</name>
    <message>
        <source>Remove step “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameDatasetCommand</name>
    <message>
        <source>Rename dataset “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameRunCommand</name>
    <message>
        <source>Rename run “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetNodeParametersCommand</name>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetRecipeStepEnabledCommand</name>
    <message>
        <source>Enable step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable step %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetRunNotesCommand</name>
    <message>
        <source>Edit notes of run “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetRunTagsCommand</name>
    <message>
        <source>Tag run “%1”</source>
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
    <message>
        <source>Data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project keeps your data, goal, runs and models in one file, saved as you work. Start one with File › New Project, open one, or drop a data file onto the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column to profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or open a dataset: every column&apos;s statistics and distribution appear here. Select a column in the Data table to see its profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or open a dataset: Lathe checks it for constant columns, duplicates, missing values, class imbalance and target leakage, and offers one-click fixes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or open a dataset to draw histograms, box plots, scatter plots, a correlation heatmap or a feature against the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs in Experiments and click Compare: their metrics, parameters, ROC and precision–recall curves, confusion matrices and learning curves appear side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kinds of node a pipeline can use appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one run in Experiments to see its metrics, parameters and notes, the business value of its decisions and, for a decision tree, the tree itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with a dataset: tune an algorithm&apos;s hyperparameters, or let AutoML try every algorithm within a time budget. Each trial is recorded as a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project: the models registered from its runs appear here with their versions and aliases, ready to compare with production, score files with and export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project: its endpoints appear here, to serve registered models over HTTP on this computer with A/B splits and canary releases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project: compare new data and live traffic with a model&apos;s training data, watch drift, quality and bias over time, and retrain when an alert says so.</source>
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
    <name>lathe::app::ChartsController</name>
    <message>
        <source>Draw chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::DataController</name>
    <message>
        <source>Column histograms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::DeployController</name>
    <message>
        <source>Could not make a new token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the endpoints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read endpoint %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving %1 on 127.0.0.1:%2. Clients send the token as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped; its requests are in the project&apos;s request log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a model first: Experiments › right-click a run › Register Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint %1 created. Click Start to serve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary now has %1% of the traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary did not change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stepped up by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n labelled answers compared.</source>
        <translation>
            <numerusform>%n labelled answer compared.</numerusform>
            <numerusform>%n labelled answers compared.</numerusform>
        </translation>
    </message>
    <message>
        <source>The variants could not be compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the variants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the variants of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canary stepped up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canary rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canary promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the versions of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start serving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the settings of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed in the Deploy panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved; the running server follows them within a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::ExperimentsController</name>
    <message numerus="yes">
        <source>Delete %n run(s)</source>
        <translation>
            <numerusform>Delete %n run</numerusform>
            <numerusform>Delete %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>List runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two or more runs first.</source>
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
        <translation>
            <numerusform>The first row as it will be read</numerusform>
            <numerusform>The first %n rows as they will be read</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::InsightsController</name>
    <message>
        <source>Data insights</source>
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
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
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
        <translation>
            <numerusform>Imported %n row</numerusform>
            <numerusform>Imported %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings: %1</source>
        <translation>
            <numerusform>%n warning: %1</numerusform>
            <numerusform>%n warnings: %1</numerusform>
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
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the project to a new file and continue there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open: an import starts one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [read-only] — Lathe Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as you work, in Lathe&apos;s unsaved-projects folder; Save As names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved as you make them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a node from the Nodes palette onto the canvas, then drag from an output port to an input port to connect them. Press F5 to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;Demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A German-credit project with its data, goal, costs and a pipeline that trains three models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AutoML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try every algorithm on the shown dataset within a time budget, and keep the best model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoML started; the leaderboard fills in as trials finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Monitoring “%1”: %n alert(s)</source>
        <translation>
            <numerusform>Monitoring “%1”: %n alert</numerusform>
            <numerusform>Monitoring “%1”: %n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::app::ModelsController</name>
    <message>
        <source>Cannot read the model registry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another model job is running; wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is open read-only: models cannot be registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register run #%1 as “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1. Set Alias… makes it the candidate or puts it in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the move: the history keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no alias now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a File with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the predictions to another file than the one scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scored %n rows with %1 into %2.</source>
        <translation>
            <numerusform>Scored %n row with %1 into %2.</numerusform>
            <numerusform>Scored %n rows with %1 into %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lathe model bundle (*.lathemodel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XGBoost JSON model (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 in XGBoost&apos;s JSON to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2; lathe serve loads it on any machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 v%2 (%n rows)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the datasets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no datasets yet: import one, or score a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a Dataset with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a dataset with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It holds the booster only: rows fed to it must first go through the version&apos;s %n recipe(s), which the .lathemodel bundle carries.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::app::MonitorController</name>
    <message>
        <source>Could not read the monitoring schedules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the monitoring runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create baseline “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline “%1” created. Next: New Schedule… compares new data with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2 rows compared, nothing crossed a threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n alert(s).</source>
        <translation>
            <numerusform>“%1”: %n alert.</numerusform>
            <numerusform>“%1”: %n alerts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared %1 with the baseline (a run by hand, kept in the project&apos;s history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints saved: the next run checks the data against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the constraints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare a File with the Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This schedule watches no model: name one in Edit Schedule… to retrain it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another monitoring job is running; try again when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrained model is in production now; the decision is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model stays; the retrained one is archived and the decision recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrained model promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live model kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record the decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::NewProjectDialog</name>
    <message>
        <source>Choose a folder for the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot create files in the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file named “%1” already exists in this folder. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name to see the file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Folder for the Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Customer churn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: what the model is for, in your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a KPI now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::NodeParametersDialog</name>
    <message>
        <source>Parameters of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node has no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineController</name>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>Copied %n node</numerusform>
            <numerusform>Copied %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the node to run first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add nodes to the pipeline to run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline done: %1 node(s) ran, %2 reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline run cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run pipeline “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line the selected nodes up on the leftmost one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line the selected nodes up on the topmost one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the run to finish, then open the node again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the nodes before “%1” to show what reaches it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes before “%1” did not finish: the canvas shows why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineDocument</name>
    <message>
        <source>Open pipeline “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineNodeEditors</name>
    <message>
        <source>%1 in “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” keeps its settings: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::ProjectController</name>
    <message>
        <source>Created project “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was opened read-only: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded the project to this version of Lathe; the original is kept as “%1”.</source>
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
        <source>Saved the project as “%1”. Every change is saved there as you make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import is not stored in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored “%1” in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is shown, but could not be stored in the project: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store %1 in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save project yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lathe is still storing data in this project. Save As once that job has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored “%1” in “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project from Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lathe projects (*.lathe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo&apos;s data is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the demo project “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the demo project</source>
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
    <name>lathe::app::RecipeController</name>
    <message>
        <source>Edit step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: first %1 rows · %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe preview (first %1 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step to preview the recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s recipe cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What reaches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::RunDetailsController</name>
    <message>
        <source>Show run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::TrainingController</name>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained %1: %2 in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cancelled; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node trains on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::app::TuningController</name>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search is running; cancel it or wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset, choose the column to predict, then Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a dataset to search on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column to predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoML to predict %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Best: %1 with %2 %3 (%n trial(s) in %4 s)</source>
        <translation>
            <numerusform>Best: %1 with %2 %3 (%n trial in %4 s)</numerusform>
            <numerusform>Best: %1 with %2 %3 (%n trials in %4 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tune %1 to predict %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Best: trial %1 with %2 %3 (%n trial(s) in %4 s)</source>
        <translation>
            <numerusform>Best: trial %1 with %2 %3 (%n trial in %4 s)</numerusform>
            <numerusform>Best: trial %1 with %2 %3 (%n trials in %4 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume tuning %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best: trial %1 with %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. The trials that finished are kept; Resume carries a tuning on from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node runs AutoML on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node tunes on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AbResultView</name>
    <message>
        <source>Once labels arrive, Compare Variants… joins them to the logged answers by key and tells whether one variant is really better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no difference yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is better than %2 on %3 by %4 (%5% CI %6, p = %7): the difference is real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is worse than %2 on %3 by %4 (%5% CI %6, p = %7): the difference is real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 differ by %3 on %4 (%5% CI %6, p = %7): not a real difference yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>About %n more labelled rows per variant would tell.</source>
        <translation>
            <numerusform>About %n more labelled row per variant would tell.</numerusform>
            <numerusform>About %n more labelled rows per variant would tell.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against %2: not enough labelled rows yet to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>About %n more labelled rows per variant are needed.</source>
        <translation>
            <numerusform>About %n more labelled row per variant is needed.</numerusform>
            <numerusform>About %n more labelled rows per variant are needed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p-value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AbTestDialog</name>
    <message>
        <source>Compare Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column with the true outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.arff *.json *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AliasHistoryView</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BiasAttributionView</name>
    <message>
        <source>%1 (baseline %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parity gap, the largest difference in positive rate between groups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity gap, the largest difference in recall: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity gap: needs labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gap above %1, or one grown by more than %1 since the baseline, alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feature importances for this run. Edit Schedule… sets the model they are measured on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance ranking, baseline against this batch: NDCG %1 (alert below %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BoxPlotChart</name>
    <message>
        <source>Choose a numeric column to see its spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no values to plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quartiles: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whiskers: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outliers: %1 (the %2 most extreme shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outliers: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BusinessValueChart</name>
    <message>
        <source>%1 (best %2 per row)</source>
        <comment>a run&apos;s name and its best expected value per row</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best: flag no one · %1 per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best threshold %1 · %2 per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag no one · %1 per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1 · %2 per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <comment>a point&apos;s text, the KPI metric and its value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a binary classification run to see what its decisions are worth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the cost matrix in the project&apos;s goal to see the business value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs are not binary classifiers with a stored ROC curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected value per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI %1 does not depend on the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (dotted)</source>
        <comment>the KPI metric&apos;s axis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI target %1 ≥ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI target %1 ≤ %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CanarySettingsDialog</name>
    <message>
        <source>Canary Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to a share of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back above error rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back above p99 latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge after requests:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ChartsPanel</name>
    <message>
        <source>Import or open a dataset to chart its columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the columns this chart needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature vs target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Feature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olour by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ColumnProfilePanel</name>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a column to see its statistics and distribution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>75%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No columns to profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset to see each column&apos;s statistics and distribution here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ConfusionMatrixChart</name>
    <message>
        <source>Actual: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows, %2 of the actual class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a classification run to see its confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has no confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the actual class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ConstraintsDialog</name>
    <message>
        <source>Edit Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What new data from %1 must satisfy. Leave a cell empty to switch its check off; the Observed column shows what the baseline saw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated; empty allows any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift when the PSI reaches this (0.2 is a large shift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift also when the test&apos;s p-value is below alpha and the PSI is above its floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max missing %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSI threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baseline&apos;s %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 “%3” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the largest missing share must be between 0 and 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the minimum %2 is above the maximum %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the PSI threshold must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: alpha must be between 0 and 1, for example 0.01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CorrelationHeatmap</name>
    <message>
        <source>%1 × %2: undefined (fewer than two rows with both values, or a constant column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlations between the numeric columns appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table has no numeric columns to correlate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 numeric columns are shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CostMatrixEditor</name>
    <message>
        <source>What each outcome is worth, e.g. in money (a cost is negative). Lathe picks the decision threshold with the best expected value. Empty means not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actually positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actually negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True negative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataFilterBar</name>
    <message>
        <source>Filtering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rows with a formula, e.g. [Body Mass (g)] &gt; 4000 and Species == &quot;Adelie&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to filter; Esc or the clear button shows every row again. Column names with spaces go in [brackets]; text goes in &quot;quotes&quot;.</source>
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
        <translation>
            <numerusform>%1: %2, %n missing</numerusform>
            <numerusform>%1: %2, %n missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataTableView</name>
    <message>
        <source>%1 cells are selected; copying is limited to %2. Export the table instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no rows to go to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 is out of range: enter 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 is not in this view (it is filtered out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a row number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row (1 to %1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DecisionTreeView</name>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Tree to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tree…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicts %1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf at depth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impurity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2% (%3 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing values go left (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing values go right (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Double-click to fold the %n nodes below</source>
        <translation>
            <numerusform>Double-click to fold the %n nodes below</numerusform>
            <numerusform>Double-click to fold the %n nodes below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes folded here; double-click to show them</source>
        <translation>
            <numerusform>%n nodes folded here; double-click to show them</numerusform>
            <numerusform>%n nodes folded here; double-click to show them</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes, %2 leaves, depth %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars: the mean of %1, from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n nodes</source>
        <translation>
            <numerusform>+%n nodes</numerusform>
            <numerusform>+%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>No tree to show. Pick a run of a decision tree to see its splits here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: there is no tree to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the tree could not be drawn into the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the existing file could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: the file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DeployPanel</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server listens on 127.0.0.1 only: other machines cannot reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants and traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step Up Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Variants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoints yet. Register a model in the Models panel, then click New Endpoint… to serve it over HTTP on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the endpoint logs, the column that keys a row&apos;s variant, and how long the log is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DistributionOverlayChart</name>
    <message>
        <source>Select a feature in the table to compare its distribution with the baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No distribution to compare for this feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No distribution to compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of rows (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline %1 · this batch %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::EndpointSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests whose inputs and answers are kept for monitoring and A/B results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: each request goes to a random variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep every request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running server follows these within a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in full:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the log for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ExperimentsPanel</name>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>%1 of %n run</numerusform>
            <numerusform>%1 of %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags, separated by commas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search runs by name, algorithm, task or tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns the table shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the selected runs side by side (select two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the tags of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate is the run chosen for deployment; a project has at most one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected runs (Undo brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model in the Training panel; every training is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the selected run&apos;s model as a new version in the Models dock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureDriftTableModel</name>
    <message>
        <source>%1 of %2 rows missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSI run by run, oldest first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KS for numbers, chi-square for categories; a dash when the feature is not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test&apos;s statistic: KS D, or the chi-square statistic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population stability index: below 0.1 little change, above 0.2 a large shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the batch&apos;s rows without a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature&apos;s PSI over every run of the schedule; the faint line is its threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p-value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureImportanceChart</name>
    <message>
        <source>Importance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see which features its model relies on most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has no feature importances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureTargetChart</name>
    <message>
        <source>Choose a feature and a target to see how they relate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row has both %1 and %2 present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of rows (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::GroupRatesChart</name>
    <message>
        <source>Groups of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bias report for this run.
Edit Schedule… sets a model and a sensitive attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups of %1 in this batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::HistogramChart</name>
    <message>
        <source>Select a column to see its distribution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 values are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finite values to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a histogram bin: from, to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 infinite, not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (%1 more values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows (%2%3 of the values present)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::HyperparameterForm</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::InsightsPanel</name>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every column; on millions of rows this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No insights yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset to check it for missing values, duplicate rows and constant or identifier columns. Pick a target to check class balance and leakage too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a target to check class balance and leakage too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No missing values, duplicates, imbalance or leakage in these rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column a model will predict: class imbalance and target leakage are checked against it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds this step to the recipe; Undo takes it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the same value in every row: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of values are “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln distinct values (%2 of the rows with a value)</source>
        <translation>
            <numerusform>%1 has %Ln distinct value (%2 of the rows with a value)</numerusform>
            <numerusform>%1 has %Ln distinct values (%2 of the rows with a value)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows repeat an earlier row (%1 of all rows)</source>
        <translation>
            <numerusform>%Ln row repeats an earlier row (%1 of all rows)</numerusform>
            <numerusform>%Ln rows repeat an earlier row (%1 of all rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of values are missing (%Ln rows)</source>
        <translation>
            <numerusform>%1: %2 of values are missing (%Ln row)</numerusform>
            <numerusform>%1: %2 of values are missing (%Ln rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is imbalanced: its rarest class “%2” has %3 of the rows (%Ln rows)</source>
        <translation>
            <numerusform>%1 is imbalanced: its rarest class “%2” has %3 of the rows (%Ln row)</numerusform>
            <numerusform>%1 is imbalanced: its rarest class “%2” has %3 of the rows (%Ln rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predicts %2 almost perfectly (score %3): possible target leakage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column with one value tells a model nothing; it only costs time and memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Almost every row holds the same value, so the column carries little information and its few other values may be noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A different value in almost every row (an ID, a name, free text) lets a model memorise rows instead of learning, and one-hot encoding it makes thousands of columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeated rows count some examples twice; split between training and test rows they make scores look better than they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most models cannot use a missing value. Filling keeps the rows; a column missing in most rows is better dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a rare class a model can score well by never predicting it. Judge it by balanced accuracy or F1, and sample with stratification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column that gives the answer away is often recorded after the outcome: a model trained with it fails on new data. Check where the column comes from before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop duplicate rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop rows without a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill with median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill with mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill with most frequent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill missing values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix</source>
        <translation type="unfinished"></translation>
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
        <translation>
            <numerusform>(+%n more)</numerusform>
            <numerusform>(+%n more)</numerusform>
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
<context>
    <name>lathe::widgets::KpiEditor</name>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metric every run is judged by, as scikit-learn names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value that counts as success, e.g. 0.85; leave empty for none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::LearningCurveChart</name>
    <message>
        <source>Train with &quot;Draw the learning curve&quot; on to see whether more data would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (train)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 rows: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelComparisonView</name>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version in the list above to see it beside the version in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version of “%1” is in production yet. Set Alias… › production puts one there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the version in production; select another version of “%1” to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 against production v%2 of “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 (production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green: this version does better than production on that metric; red: worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better: higher is better for this metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse: higher is better for this metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better: lower is better for this metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse: lower is better for this metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Input columns: the same %n columns in both.</source>
        <translation>
            <numerusform>Input columns: the same %n column in both.</numerusform>
            <numerusform>Input columns: the same %n columns in both.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) only in this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) only in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 here, %3 in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input columns differ: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data: unknown for one of them (a pipeline&apos;s run keeps no dataset hash).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data: the same (hash %1…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data: different (hash %1… here, %2… in production).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelJobRow</name>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelVersionTableModel</name>
    <message>
        <source>production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model “%1”: %n versions</source>
        <translation>
            <numerusform>Model “%1”: %n version</numerusform>
            <numerusform>Model “%1”: %n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered from run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version has no %1 score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the %2 split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A probability at or above it decides for the positive class (chosen from the project&apos;s costs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, trained to predict %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model / version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelsPanel</name>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model to see every move of its aliases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alias of “%1” has moved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every move of the aliases of “%1”, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Alias…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected version the candidate, put it in production or archive it, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected version&apos;s metrics, input columns and training data beside the production version&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict every row of a CSV or ARFF file with the selected version and write the answers to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected version as a portable .lathemodel file that lathe serve loads on another machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every move of the selected model&apos;s aliases, with its time and reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registered models yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a run&apos;s model from the Experiments table: right-click › Register Model… Each registration is a new, unchangeable version you can score files with, compare and put in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict every row of one of the project&apos;s datasets with the selected version and write the answers to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorAlertBanner</name>
    <message>
        <source>Train the model again on new data and compare it with the live one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorPanel</name>
    <message>
        <source>%1 (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the schedule&apos;s model in Edit Schedule… to retrain it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model again on new data and compare it with the live one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the schedule&apos;s batch with its baseline now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a baseline, where new data comes from, the model to watch and how often to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected schedule&apos;s data, model, labels or interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Baseline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the statistics of the training data, which new data is compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Constraints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What new data must satisfy: types, missing values, ranges, categories, drift thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare a File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare any CSV, ARFF or JSON file with a baseline once, without a schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to monitor yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No baseline yet. Create one from the training dataset: New Baseline… It records what the data looked like, so new data can be compared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No monitoring schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A baseline is ready. Say which new data to compare with it, which model to watch and how often: New Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorRunView</name>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · PSI %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows · drifted: %2 of %3 features · violations: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias and attributions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NewBaselineDialog</name>
    <message>
        <source>New Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. churn at training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A baseline records what the training data looked like, column by column, and suggests the limits new data is checked against. With a model, it also records what the model predicted and which features moved it most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive attribute (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the baseline a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the training data: import a dataset into the project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias is measured on a model&apos;s decisions: choose the model too, or no sensitive attribute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NewEndpointDialog</name>
    <message>
        <source>New Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. credit-risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: each request goes to a random variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests whose inputs and answers are kept for monitoring and A/B results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in full:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions and their share of the traffic (the weights sum to 1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the endpoint a name: it becomes part of its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one version a weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights sum to %1; they must sum to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one version can be the canary.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NodeEditingBanner</name>
    <message>
        <source>Editing the pipeline node “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these choices to the node (undoable); the node runs again on the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what changed to the node and go back to the dataset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NodePalette</name>
    <message>
        <source>Inputs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag onto the canvas to add it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ParallelCoordinatesChart</name>
    <message>
        <source>Select runs to compare their hyperparameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These runs have no hyperparameters to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (best)</source>
        <comment>the best value of a metric</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a metric and its split</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to colour the lines by this axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ParameterScoreChart</name>
    <message>
        <source>Pick a hyperparameter to see how it relates to the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scored trial set %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial %1 (%2)
%3 = %4
%5: %6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PipelineScene</name>
    <message>
        <source>The pipeline is not ready yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A node cannot feed itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output “%1” gives a %2, but the input “%3” takes a %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input “%1” is already connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link would make a cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an input to an output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an output to an input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PrCurveChart</name>
    <message>
        <source>%1 (AP %2)</source>
        <comment>a run&apos;s name and its average precision</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1 · precision %2 · recall %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision %1 · recall %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs have no precision-recall curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more classification runs to compare their precision-recall curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PredictionScatterChart</name>
    <message>
        <source>Compare regression runs to see their predictions against the true values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual (predicted − actual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
actual %2 · predicted %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ProjectOverviewPanel</name>
    <message>
        <source>This project is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 by recipe %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hash (SHA-256): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size in the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n datasets</source>
        <translation>
            <numerusform>%n dataset</numerusform>
            <numerusform>%n datasets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this project is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The business goal in your words, e.g. “Flag 80% of churners a month ahead”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved when you leave the field or press Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data with File &gt; Import Data (Ctrl+I) or drop a file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <comment>a dataset version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run AutoML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try every algorithm on this version within a time budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::QualityTimelineChart</name>
    <message>
        <source>Model quality by run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model quality yet: it needs the true labels.
Edit Schedule… sets a model and a labels file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 labelled rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses the target %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RecipePanel</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the recipe on all rows and store the result as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RegisterModelDialog</name>
    <message>
        <source>Register Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the model of run “%1” as a new, unchangeable version: with its recipe, the columns it expects, the training data&apos;s hash and its metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the model a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model name cannot hold “:” (it separates the version, as in credit:2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” exists: this registers its version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new model: this registers its version 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RetrainDialog</name>
    <message>
        <source>A &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project &amp;dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Append it to the training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace the training data with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote to Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the Live Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, ARFF or JSON file with the target column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model learns from the old and the new rows together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model learns from the new rows only: for data that has changed for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model again with new data, then compare it with the live model on the same holdout rows before anything changes in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file with the new data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset with the new data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Training Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 learned from %2 rows of the new data only (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 learned from %2 rows: the training data and the new data (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both models were scored on the same %1 holdout rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrained: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (KPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdout rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrained model was promoted to production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models have no metric in common to compare on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both models score %1 on %2: keeping the live model changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrained model is better on %1: %2 against %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live model is still better on %1: %2 against %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RocCurveChart</name>
    <message>
        <source>%1 (AUC %2)</source>
        <comment>a run&apos;s name and its area under the ROC curve</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1 · TPR %2 · FPR %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPR %1 · FPR %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs have no ROC curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more classification runs to compare their ROC curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunComparisonPanel</name>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs in Experiments and click Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s): %1</source>
        <translation>
            <numerusform>Comparing %n run: %1</numerusform>
            <numerusform>Comparing %n runs: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Overfit: it scores much better on the rows it learned from; more data or a simpler model should help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underfit: it cannot even fit the rows it learned from; try a more flexible model or better features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced: training and validation scores are close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best: the highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best: the lowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs between the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameters against the metric</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunDetailsPanel</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you try, and what did you learn? Notes are saved with the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one run in Experiments to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · target %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as the candidate for deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets the KPI (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses the KPI (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register this run&apos;s model as a new version in the model registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finished run that kept its model can be registered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunTableModel</name>
    <message>
        <source>The candidate: the run chosen for deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 meets the target %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 misses the target %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no %1 score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate: the run chosen for deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the project&apos;s KPI metric and target to judge every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the run reaches the project&apos;s target: %1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on cross-validation where the run has it, else on the test split, else on validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meets KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiclass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ScatterChart</name>
    <message>
        <source>Show Density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour a grid by how many rows fall in each cell, instead of drawing a sample of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two numeric columns to see how they relate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row has both %1 and %2 present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No point has finite values to plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Density of all %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 points shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ScheduleDialog</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column that joins labels to rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on this schedule while the studio is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. churn, daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file, read again at every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project dataset, its newest version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint&apos;s request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, ARFF or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a file with the key and the true target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;data from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sensitive attribute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the schedule a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a baseline. New Baseline… creates one from the training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file new data is read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset new data is read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the endpoint whose requests are checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interval must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the key column that joins the labels file to the batch&apos;s rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::SetAliasDialog</name>
    <message>
        <source>Set Alias of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (remove the alias)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? The history keeps it, e.g. “better recall on March data”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no alias already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1, in production now, moves to archived; the history records both moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch scoring and endpoints that name “%1” without a version use the production version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: the history keeps it beside the move.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::StepParameterForm</name>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by min–max scaling only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the keys first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrainingPanel</name>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification (classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression (values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdout: 25% test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdout: 60% train, 20% validation, 20% test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill missing values (median, or the most frequent category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned from the training rows of each fold, as scikit-learn&apos;s SimpleImputer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the learning curve (bias/variance verdict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits again on growing shares of the rows: slower, but tells whether more data would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: binary classification (two classes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: multiclass classification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: regression (predicting a value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column to predict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No algorithm can learn this problem type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdout: %1% validation, %2% test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdout: %1% test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrialScoreChart</name>
    <message>
        <source>Start a search to see each trial&apos;s score and the best so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) failed and are not drawn</source>
        <translation>
            <numerusform>%n trial failed and is not drawn</numerusform>
            <numerusform>%n trials failed and are not drawn</numerusform>
        </translation>
    </message>
    <message>
        <source>Trial %1 (%2)
%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early by the median rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrialTableModel</name>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningForm</name>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune one algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoML: every algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bayesian (TPE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (ROC AUC, accuracy or R²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop poor trials early (median rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer an ensemble of the top models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named after the algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many hyperparameter settings to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many seconds; running trials finish first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each trial is judged by k-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningPanel</name>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on a search that was stopped, from the trials the project holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Best Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Top Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best model of each algorithm (or the best trials) side by side: metrics, ROC and precision–recall curves, confusion matrices and feature importances</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningResultsView</name>
    <message>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score by trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ViolationTimelineChart</name>
    <message>
        <source>Constraint violations by run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No constraint was broken in these runs.
Edit Constraints… sets what new data must satisfy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
