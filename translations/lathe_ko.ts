<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddLinkCommand</name>
    <message>
        <source>Connect nodes</source>
        <translation>노드 연결</translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <source>Add node “%1”</source>
        <translation>노드 “%1” 추가</translation>
    </message>
</context>
<context>
    <name>AddRecipeStepCommand</name>
    <message>
        <source>Add step “%1”</source>
        <translation>“%1” 단계 추가</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG 도면 (*.svg);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .png, .svg or .pdf.</source>
        <translation>%1(으)로 내보낼 수 없습니다: .png, .svg 또는 .pdf로 끝나는 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 폴더 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder is not writable.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 폴더에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the chart could not be drawn into the file.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 차트를 파일에 그리지 못했습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the existing file could not be replaced.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 기존 파일을 바꾸지 못했습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the file could not be written.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 파일을 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
</context>
<context>
    <name>ComparisonReport</name>
    <message>
        <source>Run comparison</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Project: %1 · %2</source>
        <translation>프로젝트: %1 · %2</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>★ marks the best run of each metric.</source>
        <translation>★는 지표마다 가장 좋은 실행을 표시합니다.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>ROC curves</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>정밀도–재현율</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>HTML page (*.html);;PDF document (*.pdf)</source>
        <translation>HTML 페이지 (*.html);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .html or .pdf.</source>
        <translation>%1(으)로 내보낼 수 없습니다: .html 또는 .pdf로 끝나는 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 폴더 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>%1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: the PDF could not be drawn.</source>
        <translation>%1(으)로 내보낼 수 없습니다: PDF를 그릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation>예측값 대 실제값</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation>특성 중요도</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>비즈니스 가치</translation>
    </message>
    <message>
        <source>Hyperparameters against the metric</source>
        <translation>지표 대비 하이퍼파라미터</translation>
    </message>
</context>
<context>
    <name>DeleteDatasetCommand</name>
    <message>
        <source>Delete dataset “%1”</source>
        <translation>데이터셋 “%1” 삭제</translation>
    </message>
</context>
<context>
    <name>DeleteRunCommand</name>
    <message>
        <source>Delete run “%1”</source>
        <translation>실행 “%1” 삭제</translation>
    </message>
</context>
<context>
    <name>EditProjectInfoCommand</name>
    <message>
        <source>Edit project description</source>
        <translation>프로젝트 설명 편집</translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation>프로젝트 이름 바꾸기</translation>
    </message>
    <message>
        <source>Edit business goal</source>
        <translation>비즈니스 목표 편집</translation>
    </message>
    <message>
        <source>Edit KPI</source>
        <translation>KPI 편집</translation>
    </message>
    <message>
        <source>Edit decision costs</source>
        <translation>결정 비용 편집</translation>
    </message>
</context>
<context>
    <name>EditRecipeStepCommand</name>
    <message>
        <source>Edit step “%1”</source>
        <translation>“%1” 단계 편집</translation>
    </message>
</context>
<context>
    <name>FileRouter</name>
    <message>
        <source>Lathe projects (*.lathe)</source>
        <translation>Lathe 프로젝트 (*.lathe)</translation>
    </message>
    <message>
        <source>Projects and data (*.lathe *.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</source>
        <translation>프로젝트와 데이터 (*.lathe *.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</source>
        <translation>데이터 파일 (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>HyperparameterHints</name>
    <message>
        <source>Inverse of the regularisation strength: smaller values keep the weights smaller.</source>
        <translation>정규화 강도의 역수입니다. 값이 작을수록 가중치가 작게 유지됩니다.</translation>
    </message>
    <message>
        <source>none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both.</source>
        <translation>none: 일반 최소제곱법, l2: 릿지, l1: 라쏘, elasticnet: 둘 다.</translation>
    </message>
    <message>
        <source>l2 shrinks every weight; l1 sets weak ones to exactly zero; none: no penalty.</source>
        <translation>l2는 모든 가중치를 줄이고, l1은 약한 가중치를 정확히 0으로 만듭니다. none: 벌점 없음.</translation>
    </message>
    <message>
        <source>Additive smoothing of category counts (categorical and multinomial variants).</source>
        <translation>범주 개수에 더하는 평활값입니다(범주형·다항 변형).</translation>
    </message>
    <message>
        <source>Strength of the L2 (or elastic-net) penalty on the weights.</source>
        <translation>가중치에 대한 L2(또는 엘라스틱넷) 벌점의 강도입니다.</translation>
    </message>
    <message>
        <source>Elastic net only: the share of L1 in the penalty.</source>
        <translation>엘라스틱넷 전용: 벌점에서 L1이 차지하는 비율입니다.</translation>
    </message>
    <message>
        <source>The most iterations (or epochs) the solver may run.</source>
        <translation>솔버가 실행할 수 있는 최대 반복(또는 에포크) 수입니다.</translation>
    </message>
    <message>
        <source>Training stops when an iteration improves by less than this.</source>
        <translation>한 번의 반복에서 개선이 이 값보다 작으면 학습을 멈춥니다.</translation>
    </message>
    <message>
        <source>Learn a constant term as well as the weights.</source>
        <translation>가중치와 함께 상수항도 학습합니다.</translation>
    </message>
    <message>
        <source>Boosting rounds: one tree is added per round.</source>
        <translation>부스팅 라운드 수: 라운드마다 트리 하나가 추가됩니다.</translation>
    </message>
    <message>
        <source>Number of trees; more trees are steadier but slower.</source>
        <translation>트리 개수입니다. 많을수록 안정적이지만 느립니다.</translation>
    </message>
    <message>
        <source>Deepest a tree may grow; empty: until the leaves are pure.</source>
        <translation>트리가 자랄 수 있는 최대 깊이입니다. 비워 두면 잎이 순수해질 때까지 자랍니다.</translation>
    </message>
    <message>
        <source>Deepest each boosted tree may grow.</source>
        <translation>부스팅된 각 트리의 최대 깊이입니다.</translation>
    </message>
    <message>
        <source>Fewest training rows a leaf may hold.</source>
        <translation>잎 하나가 가질 수 있는 최소 학습 행 수입니다.</translation>
    </message>
    <message>
        <source>Fewest rows a node needs to be split.</source>
        <translation>노드를 분할하는 데 필요한 최소 행 수입니다.</translation>
    </message>
    <message>
        <source>Features tried at each split: auto (all for a tree, the square root for a forest&apos;s classifier), sqrt, log2, or a number.</source>
        <translation>각 분할에서 시도할 특성 수: auto(트리는 전부, 포레스트 분류기는 제곱근), sqrt, log2 또는 숫자.</translation>
    </message>
    <message>
        <source>How a split is judged: gini or entropy for classes, squared_error for values; auto picks by task.</source>
        <translation>분할을 평가하는 기준: 클래스에는 gini 또는 entropy, 값에는 squared_error. auto는 작업에 맞게 고릅니다.</translation>
    </message>
    <message>
        <source>Each tree learns from a resample of the rows.</source>
        <translation>각 트리가 행을 다시 표집한 데이터로 학습합니다.</translation>
    </message>
    <message>
        <source>Score each row with the trees that did not see it (out-of-bag).</source>
        <translation>각 행을 그 행을 보지 않은 트리로 평가합니다(OOB).</translation>
    </message>
    <message>
        <source>Worker threads; 0 uses every core.</source>
        <translation>작업 스레드 수입니다. 0이면 모든 코어를 씁니다.</translation>
    </message>
    <message>
        <source>Seed of the random numbers: the same seed gives the same model.</source>
        <translation>난수 시드입니다. 같은 시드는 같은 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>How much each new tree corrects the previous ones; smaller needs more rounds.</source>
        <translation>새 트리가 이전 트리를 얼마나 보정하는지입니다. 작을수록 라운드가 더 필요합니다.</translation>
    </message>
    <message>
        <source>Share of rows each tree sees.</source>
        <translation>각 트리가 보는 행의 비율입니다.</translation>
    </message>
    <message>
        <source>Share of features each tree sees.</source>
        <translation>각 트리가 보는 특성의 비율입니다.</translation>
    </message>
    <message>
        <source>Smallest total weight (hessian) a leaf may hold; larger is more conservative.</source>
        <translation>잎이 가질 수 있는 최소 가중치 합(헤시안)입니다. 클수록 보수적입니다.</translation>
    </message>
    <message>
        <source>L2 penalty on the leaf values.</source>
        <translation>잎 값에 대한 L2 벌점입니다.</translation>
    </message>
    <message>
        <source>Stop when the validation score has not improved for this many rounds; empty: never.</source>
        <translation>검증 점수가 이 라운드 수만큼 개선되지 않으면 멈춥니다. 비워 두면 멈추지 않습니다.</translation>
    </message>
    <message>
        <source>Share of the training rows held out to decide early stopping.</source>
        <translation>조기 종료 판단을 위해 따로 떼어 두는 학습 행의 비율입니다.</translation>
    </message>
    <message>
        <source>How many nearest rows vote on a prediction.</source>
        <translation>예측에 투표하는 가장 가까운 행의 개수입니다.</translation>
    </message>
    <message>
        <source>uniform: every neighbour counts the same; distance: nearer ones count more.</source>
        <translation>uniform: 모든 이웃을 같게 셉니다. distance: 가까운 이웃을 더 크게 셉니다.</translation>
    </message>
    <message>
        <source>How distance between rows is measured.</source>
        <translation>행 사이의 거리를 재는 방법입니다.</translation>
    </message>
    <message>
        <source>Standardise the inputs (mean 0, standard deviation 1) inside the model.</source>
        <translation>모델 안에서 입력을 표준화합니다(평균 0, 표준편차 1).</translation>
    </message>
    <message>
        <source>gaussian for measurements, multinomial for counts, categorical for category codes.</source>
        <translation>측정값에는 gaussian, 개수에는 multinomial, 범주 코드에는 categorical.</translation>
    </message>
    <message>
        <source>Added to every variance, as a share of the largest, for stability.</source>
        <translation>안정성을 위해 모든 분산에 가장 큰 분산의 일정 비율을 더합니다.</translation>
    </message>
    <message>
        <source>Units in each hidden layer, e.g. [100] or [64, 32].</source>
        <translation>각 은닉층의 유닛 수입니다. 예: [100] 또는 [64, 32].</translation>
    </message>
    <message>
        <source>Adam&apos;s step size.</source>
        <translation>Adam의 학습 보폭입니다.</translation>
    </message>
    <message>
        <source>Rows per mini-batch; auto: 200, or all rows when fewer.</source>
        <translation>미니배치당 행 수입니다. auto: 200, 행이 더 적으면 전체.</translation>
    </message>
    <message>
        <source>Hold out validation rows and stop when their score stops improving.</source>
        <translation>검증 행을 떼어 두고 그 점수가 더 나아지지 않으면 멈춥니다.</translation>
    </message>
    <message>
        <source>Epochs without improvement before training stops.</source>
        <translation>학습을 멈추기 전까지 개선 없이 지나갈 에포크 수입니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s decay rate of its running averages.</source>
        <translation>Adam 이동 평균의 감쇠율입니다.</translation>
    </message>
    <message>
        <source>Adam&apos;s guard against division by zero.</source>
        <translation>0으로 나누는 것을 막는 Adam의 보호값입니다.</translation>
    </message>
    <message>
        <source>Shuffle the rows before every epoch.</source>
        <translation>에포크마다 행을 섞습니다.</translation>
    </message>
    <message>
        <source>How many clusters to find.</source>
        <translation>찾을 군집 개수입니다.</translation>
    </message>
    <message>
        <source>Restarts from different seeds; the best is kept.</source>
        <translation>서로 다른 시드로 다시 시작하는 횟수입니다. 가장 좋은 결과를 남깁니다.</translation>
    </message>
    <message>
        <source>Largest distance between two rows of one neighbourhood.</source>
        <translation>한 이웃 안의 두 행 사이 최대 거리입니다.</translation>
    </message>
    <message>
        <source>Rows a neighbourhood needs to form the core of a cluster.</source>
        <translation>이웃이 군집의 핵심이 되려면 필요한 행 수입니다.</translation>
    </message>
    <message>
        <source>Components to keep; empty: as many as features.</source>
        <translation>남길 주성분 수입니다. 비워 두면 특성 수만큼 남깁니다.</translation>
    </message>
    <message>
        <source>Expected share of anomalies, or auto.</source>
        <translation>예상되는 이상치 비율 또는 auto.</translation>
    </message>
    <message>
        <source>Rows each tree samples, or auto (256).</source>
        <translation>각 트리가 표집하는 행 수 또는 auto(256).</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <source>Linear regression</source>
        <translation>선형 회귀</translation>
    </message>
    <message>
        <source>Decision tree</source>
        <translation>결정 트리</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>랜덤 포레스트</translation>
    </message>
    <message>
        <source>Gradient-boosted trees (XGBoost)</source>
        <translation>그레이디언트 부스팅 트리(XGBoost)</translation>
    </message>
    <message>
        <source>k-nearest neighbours</source>
        <translation>k-최근접 이웃</translation>
    </message>
    <message>
        <source>Naive Bayes</source>
        <translation>나이브 베이즈</translation>
    </message>
    <message>
        <source>Neural network (multilayer perceptron)</source>
        <translation>신경망(다층 퍼셉트론)</translation>
    </message>
    <message>
        <source>k-means clustering</source>
        <translation>k-평균 군집화</translation>
    </message>
    <message>
        <source>DBSCAN clustering</source>
        <translation>DBSCAN 군집화</translation>
    </message>
    <message>
        <source>Principal component analysis</source>
        <translation>주성분 분석</translation>
    </message>
    <message>
        <source>Isolation forest (anomalies)</source>
        <translation>아이솔레이션 포레스트(이상치)</translation>
    </message>
    <message>
        <source>A linear model of class probabilities; fast and easy to explain.</source>
        <translation>클래스 확률의 선형 모델입니다. 빠르고 설명하기 쉽습니다.</translation>
    </message>
    <message>
        <source>A straight-line model of a value: least squares, ridge, lasso or elastic net.</source>
        <translation>값을 직선으로 모델링합니다: 최소제곱, 릿지, 라쏘 또는 엘라스틱넷.</translation>
    </message>
    <message>
        <source>Yes/no questions on the features, drawn as a tree you can read.</source>
        <translation>특성에 대한 예/아니요 질문을 읽을 수 있는 트리로 그립니다.</translation>
    </message>
    <message>
        <source>Many trees on resampled rows, voting: strong with little tuning.</source>
        <translation>다시 표집한 행으로 만든 많은 트리가 투표합니다. 조정이 적어도 강력합니다.</translation>
    </message>
    <message>
        <source>Trees added one by one, each fixing the last ones&apos; errors: often the most accurate.</source>
        <translation>트리를 하나씩 더하며 앞선 트리의 오류를 고칩니다. 흔히 가장 정확합니다.</translation>
    </message>
    <message>
        <source>Predicts from the most similar training rows.</source>
        <translation>가장 비슷한 학습 행으로 예측합니다.</translation>
    </message>
    <message>
        <source>Counts and averages per class; very fast, a good baseline.</source>
        <translation>클래스별 개수와 평균을 씁니다. 매우 빠르고 좋은 기준 모델입니다.</translation>
    </message>
    <message>
        <source>Layers of units trained by gradient descent; needs more data and time.</source>
        <translation>경사 하강법으로 학습하는 유닛 층입니다. 더 많은 데이터와 시간이 필요합니다.</translation>
    </message>
</context>
<context>
    <name>ImportDatasetCommand</name>
    <message>
        <source>Import “%1”</source>
        <translation>“%1” 가져오기</translation>
    </message>
</context>
<context>
    <name>MarkCandidateRunCommand</name>
    <message>
        <source>Mark run “%1” as the candidate</source>
        <translation>실행 “%1”을(를) 후보로 지정</translation>
    </message>
    <message>
        <source>Unmark run “%1” as the candidate</source>
        <translation>실행 “%1”의 후보 지정 해제</translation>
    </message>
</context>
<context>
    <name>MonitorFormat</name>
    <message>
        <source>missing %1</source>
        <translation>결측 %1</translation>
    </message>
    <message>
        <source>KS</source>
        <comment>Kolmogorov-Smirnov test</comment>
        <translation>KS</translation>
    </message>
    <message>
        <source>Chi-square</source>
        <translation>카이제곱</translation>
    </message>
    <message>
        <source>Missing column</source>
        <translation>열 없음</translation>
    </message>
    <message>
        <source>Wrong type</source>
        <translation>유형 불일치</translation>
    </message>
    <message>
        <source>Too many missing</source>
        <translation>결측 과다</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>범위 벗어남</translation>
    </message>
    <message>
        <source>Unseen category</source>
        <translation>처음 보는 범주</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>드리프트</translation>
    </message>
    <message>
        <source>Feature %1 drifted (PSI %2, threshold %3)</source>
        <translation>특성 %1에 드리프트 발생(PSI %2, 임계값 %3)</translation>
    </message>
    <message>
        <source>Feature %1 drifted (PSI %2)</source>
        <translation>특성 %1에 드리프트 발생(PSI %2)</translation>
    </message>
    <message>
        <source>Feature %1 drifted</source>
        <translation>특성 %1에 드리프트 발생</translation>
    </message>
    <message>
        <source>Feature %1 broke its constraints</source>
        <translation>특성 %1이(가) 제약 조건을 어겼습니다</translation>
    </message>
    <message>
        <source>Constraints broken in the batch: %1</source>
        <translation>배치에서 어긴 제약 조건: %1</translation>
    </message>
    <message>
        <source>The batch broke its constraints</source>
        <translation>배치가 제약 조건을 어겼습니다</translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted (PSI %1, threshold %2)</source>
        <translation>모델의 예측에 드리프트 발생(PSI %1, 임계값 %2)</translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted (PSI %1)</source>
        <translation>모델의 예측에 드리프트 발생(PSI %1)</translation>
    </message>
    <message>
        <source>The model&apos;s predictions drifted</source>
        <translation>모델의 예측에 드리프트 발생</translation>
    </message>
    <message>
        <source>Model quality: %1 is %2, missing the target %3</source>
        <translation>모델 품질: %1이(가) %2로 목표 %3에 못 미칩니다</translation>
    </message>
    <message>
        <source>Model quality: %1 missed its target</source>
        <translation>모델 품질: %1이(가) 목표에 못 미칩니다</translation>
    </message>
    <message>
        <source>Bias on %1: the gap between groups is %2 (threshold %3)</source>
        <translation>%1의 편향: 그룹 간 격차 %2(임계값 %3)</translation>
    </message>
    <message>
        <source>Bias on %1 grew past its threshold</source>
        <translation>%1의 편향이 임계값을 넘었습니다</translation>
    </message>
    <message>
        <source>Feature importances changed order (NDCG %1, threshold %2)</source>
        <translation>특성 중요도 순서가 바뀌었습니다(NDCG %1, 임계값 %2)</translation>
    </message>
    <message>
        <source>Feature importances changed order</source>
        <translation>특성 중요도 순서가 바뀌었습니다</translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>노드 %n개 이동</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveRecipeStepCommand</name>
    <message>
        <source>Move step %1 to %2</source>
        <translation>%1단계를 %2번째로 이동</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Unknown node type “%1”</source>
        <translation>알 수 없는 노드 종류 “%1”</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>오래됨</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>순서 대기</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>NodeTypeNames</name>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>튜닝</translation>
    </message>
    <message>
        <source>AutoML</source>
        <translation>AutoML</translation>
    </message>
</context>
<context>
    <name>PasteNodesCommand</name>
    <message>
        <source>Paste nodes</source>
        <translation>노드 붙여넣기</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>Input “%1”: takes a %2</source>
        <translation>입력 “%1”: %2을(를) 받습니다</translation>
    </message>
    <message>
        <source>Output “%1”: gives a %2</source>
        <translation>출력 “%1”: %2을(를) 내보냅니다</translation>
    </message>
    <message>
        <source>table</source>
        <translation>테이블</translation>
    </message>
    <message>
        <source>recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>지표</translation>
    </message>
</context>
<context>
    <name>ProjectMessages</name>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation>“%1” 파일이 없거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>“%1” is a folder or a device, not a project file.</source>
        <translation>“%1”은(는) 폴더나 장치이며 프로젝트 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>“%1” is empty (0 bytes). It is not a Lathe project.</source>
        <translation>“%1” 파일이 비어 있습니다(0바이트). Lathe 프로젝트가 아닙니다.</translation>
    </message>
    <message>
        <source>“%1” is not a Lathe project: it is not an SQLite database at all.</source>
        <translation>“%1”은(는) Lathe 프로젝트가 아닙니다. SQLite 데이터베이스가 아닙니다.</translation>
    </message>
    <message>
        <source>“%1” is an SQLite database of another application, not a Lathe project. Lathe did not change it. To use its tables as data, import it with File › Import Data.</source>
        <translation>“%1”은(는) 다른 애플리케이션의 SQLite 데이터베이스이며 Lathe 프로젝트가 아닙니다. Lathe는 이 파일을 바꾸지 않았습니다. 표를 데이터로 쓰려면 파일 › 데이터 가져오기로 가져오세요.</translation>
    </message>
    <message>
        <source>“%1” was saved by a newer version of Lathe. Update Lathe to open it; the file was not changed.</source>
        <translation>“%1”은(는) 더 새로운 버전의 Lathe로 저장되었습니다. 열려면 Lathe를 업데이트하세요. 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>“%1” was saved by an older version of Lathe and must be upgraded, but it is read-only here. Copy it to a folder you can write to and open the copy.</source>
        <translation>“%1”은(는) 이전 버전의 Lathe로 저장되어 업그레이드가 필요하지만 여기서는 읽기 전용입니다. 쓸 수 있는 폴더로 복사한 뒤 사본을 여세요.</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read. If you have a backup (a .bak file beside it), open that.</source>
        <translation>“%1” 파일이 손상되어 읽을 수 없습니다. 옆에 백업(.bak 파일)이 있으면 그것을 여세요.</translation>
    </message>
    <message>
        <source>“%1” is open in another Lathe window or process. Close it there first.</source>
        <translation>“%1”은(는) 다른 Lathe 창이나 프로세스에서 열려 있습니다. 먼저 그곳에서 닫으세요.</translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name.</source>
        <translation>“%1”이(가) 이미 있습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>“%1” is this project&apos;s own file. Choose another name.</source>
        <translation>“%1”은(는) 이 프로젝트 자신의 파일입니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>“%1” could not be written, and nothing was changed: %2</source>
        <translation>“%1”에 쓸 수 없어 아무것도 바뀌지 않았습니다: %2</translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation>읽기 전용으로 열림</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>파일이나 폴더가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>open for editing in another Lathe window</source>
        <translation>다른 Lathe 창에서 편집 중입니다</translation>
    </message>
    <message>
        <source>the file is damaged; use Save As to rescue a copy</source>
        <translation>파일이 손상되었습니다. 다른 이름으로 저장하여 사본을 살리세요</translation>
    </message>
</context>
<context>
    <name>RecipeStepCatalog</name>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>결측값</translation>
    </message>
    <message>
        <source>Encoding and scaling</source>
        <translation>인코딩과 스케일링</translation>
    </message>
    <message>
        <source>Binning and outliers</source>
        <translation>구간화와 이상값</translation>
    </message>
    <message>
        <source>Dates and text</source>
        <translation>날짜와 텍스트</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>데이터 결합</translation>
    </message>
    <message>
        <source>Splitting</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Keep columns</source>
        <translation>열 유지</translation>
    </message>
    <message>
        <source>Drop columns</source>
        <translation>열 삭제</translation>
    </message>
    <message>
        <source>Rename columns</source>
        <translation>열 이름 바꾸기</translation>
    </message>
    <message>
        <source>New names</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <source>Reorder columns</source>
        <translation>열 순서 바꾸기</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>형식 바꾸기</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Derived column</source>
        <translation>파생 열</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>수식</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>행 필터</translation>
    </message>
    <message>
        <source>Keep rows where</source>
        <translation>유지할 행 조건</translation>
    </message>
    <message>
        <source>Drop duplicate rows</source>
        <translation>중복 행 삭제</translation>
    </message>
    <message>
        <source>Compare columns (none: all)</source>
        <translation>비교할 열 (없으면 전체)</translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation>무작위 표본</translation>
    </message>
    <message>
        <source>Fraction of rows</source>
        <translation>행 비율</translation>
    </message>
    <message>
        <source>Number of rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <source>Stratified sample</source>
        <translation>층화 표본</translation>
    </message>
    <message>
        <source>Keep the shares of</source>
        <translation>비율을 유지할 열</translation>
    </message>
    <message>
        <source>Fill missing values</source>
        <translation>결측값 채우기</translation>
    </message>
    <message>
        <source>Fill with</source>
        <translation>채울 값</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>Add a “was missing” column</source>
        <translation>“결측이었음” 열 추가</translation>
    </message>
    <message>
        <source>One-hot encoding</source>
        <translation>원-핫 인코딩</translation>
    </message>
    <message>
        <source>Unseen categories</source>
        <translation>처음 보는 범주</translation>
    </message>
    <message>
        <source>Drop the first level</source>
        <translation>첫 수준 제외</translation>
    </message>
    <message>
        <source>Most levels</source>
        <translation>최대 수준 수</translation>
    </message>
    <message>
        <source>Ordinal encoding</source>
        <translation>순서형 인코딩</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>순서</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>스케일링</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Log transform</source>
        <translation>로그 변환</translation>
    </message>
    <message>
        <source>log(1 + x)</source>
        <translation>log(1 + x)</translation>
    </message>
    <message>
        <source>Power transform</source>
        <translation>거듭제곱 변환</translation>
    </message>
    <message>
        <source>Binning</source>
        <translation>구간화</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>구간 수</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Clip outliers</source>
        <translation>이상값 자르기</translation>
    </message>
    <message>
        <source>IQR factor</source>
        <translation>IQR 배수</translation>
    </message>
    <message>
        <source>Z-score threshold</source>
        <translation>Z-점수 기준</translation>
    </message>
    <message>
        <source>Date parts</source>
        <translation>날짜 구성요소</translation>
    </message>
    <message>
        <source>TF-IDF features</source>
        <translation>TF-IDF 특성</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>텍스트 열</translation>
    </message>
    <message>
        <source>Most features</source>
        <translation>최대 특성 수</translation>
    </message>
    <message>
        <source>Minimum document frequency</source>
        <translation>최소 문서 빈도</translation>
    </message>
    <message>
        <source>Stop words</source>
        <translation>불용어</translation>
    </message>
    <message>
        <source>Join a dataset</source>
        <translation>데이터셋 조인</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>조인 방식</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>접미사</translation>
    </message>
    <message>
        <source>Append a dataset</source>
        <translation>데이터셋 이어 붙이기</translation>
    </message>
    <message>
        <source>Train/validation/test split</source>
        <translation>학습/검증/테스트 분할</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Stratify by</source>
        <translation>층화 기준</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>부분</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>요일</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>시</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>실수</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>True/false</source>
        <translation>참/거짓</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>범주</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>날짜와 시간</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>Most frequent value</source>
        <translation>최빈값</translation>
    </message>
    <message>
        <source>A constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>The value above</source>
        <translation>바로 위의 값</translation>
    </message>
    <message>
        <source>All zeros</source>
        <translation>모두 0</translation>
    </message>
    <message>
        <source>Stop with an error</source>
        <translation>오류로 중단</translation>
    </message>
    <message>
        <source>An “other” column</source>
        <translation>“기타” 열</translation>
    </message>
    <message>
        <source>Order of appearance</source>
        <translation>나타난 순서</translation>
    </message>
    <message>
        <source>Sorted</source>
        <translation>정렬 순서</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>결측</translation>
    </message>
    <message>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <source>Standardise (mean 0, deviation 1)</source>
        <translation>표준화 (평균 0, 편차 1)</translation>
    </message>
    <message>
        <source>Min–max range</source>
        <translation>최소–최대 범위</translation>
    </message>
    <message>
        <source>Robust (median and IQR)</source>
        <translation>로버스트 (중앙값과 IQR)</translation>
    </message>
    <message>
        <source>Range (min–max)</source>
        <translation>범위 (최소–최대)</translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation>같은 너비</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>분위수</translation>
    </message>
    <message>
        <source>Range labels</source>
        <translation>구간 레이블</translation>
    </message>
    <message>
        <source>Bin numbers</source>
        <translation>구간 번호</translation>
    </message>
    <message>
        <source>Interquartile range</source>
        <translation>사분위 범위</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z 점수</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Keys in the other dataset</source>
        <translation>다른 데이터셋의 키</translation>
    </message>
    <message>
        <source>Matching rows only</source>
        <translation>일치하는 행만</translation>
    </message>
    <message>
        <source>All rows of this dataset</source>
        <translation>이 데이터셋의 모든 행</translation>
    </message>
</context>
<context>
    <name>RecipeStepSummary</name>
    <message>
        <source>1 row</source>
        <translation>1행</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>%1% of the rows</source>
        <translation>행의 %1%</translation>
    </message>
    <message>
        <source>%1 +%2 more</source>
        <translation>%1 외 %2개</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>true</source>
        <translation>참</translation>
    </message>
    <message>
        <source>false</source>
        <translation>거짓</translation>
    </message>
    <message>
        <source>a constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>no columns</source>
        <translation>열 없음</translation>
    </message>
    <message>
        <source>%1 columns: %2 +%3 more</source>
        <translation>열 %1개: %2 외 %3개</translation>
    </message>
    <message>
        <source>dataset version %1</source>
        <translation>데이터셋 버전 %1</translation>
    </message>
    <message>
        <source>%1 first</source>
        <translation>%1 먼저</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 with the mean</source>
        <translation>%1을(를) 평균으로</translation>
    </message>
    <message>
        <source>%1 with the median</source>
        <translation>%1을(를) 중앙값으로</translation>
    </message>
    <message>
        <source>%1 with the most frequent value</source>
        <translation>%1을(를) 최빈값으로</translation>
    </message>
    <message>
        <source>%1 with the value above</source>
        <translation>%1을(를) 바로 위의 값으로</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1을(를) %2(으)로</translation>
    </message>
    <message>
        <source>%1, marking them</source>
        <translation>%1, 표시 열 추가</translation>
    </message>
    <message>
        <source>%1, levels sorted</source>
        <translation>%1, 수준 정렬</translation>
    </message>
    <message>
        <source>%1 to the range %2 to %3</source>
        <translation>%1을(를) %2에서 %3 범위로</translation>
    </message>
    <message>
        <source>%1 by median and IQR</source>
        <translation>%1을(를) 중앙값과 IQR로</translation>
    </message>
    <message>
        <source>standardise %1</source>
        <translation>%1 표준화</translation>
    </message>
    <message>
        <source>log(1 + x) of %1</source>
        <translation>%1의 log(1 + x)</translation>
    </message>
    <message>
        <source>log of %1</source>
        <translation>%1의 로그</translation>
    </message>
    <message>
        <source>%1 into %2 quantile bins</source>
        <translation>%1을(를) 분위수 구간 %2개로</translation>
    </message>
    <message>
        <source>%1 into %2 equal-width bins</source>
        <translation>%1을(를) 같은 너비 구간 %2개로</translation>
    </message>
    <message>
        <source>%1 beyond %2 standard deviations</source>
        <translation>%1에서 표준편차 %2배를 넘는 값</translation>
    </message>
    <message>
        <source>%1 beyond %2 × IQR</source>
        <translation>%1에서 IQR의 %2배를 넘는 값</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>%1, up to %2 terms</source>
        <translation>%1, 최대 %2개 단어</translation>
    </message>
    <message>
        <source>keep rows where %1</source>
        <translation>%1인 행만 남김</translation>
    </message>
    <message>
        <source>rows repeating an earlier row</source>
        <translation>앞의 행과 같은 행</translation>
    </message>
    <message>
        <source>rows repeating an earlier row&apos;s %1</source>
        <translation>%1이(가) 앞의 행과 같은 행</translation>
    </message>
    <message>
        <source>%1 keeping the shares of %2</source>
        <translation>%2의 비율을 유지하며 %1</translation>
    </message>
    <message>
        <source>another dataset</source>
        <translation>다른 데이터셋</translation>
    </message>
    <message>
        <source>the rows of %1</source>
        <translation>%1의 행</translation>
    </message>
    <message>
        <source>all rows, with %1 matched on %2</source>
        <translation>모든 행, %1을(를) %2 기준으로 연결</translation>
    </message>
    <message>
        <source>rows matching %1 on %2</source>
        <translation>%2 기준으로 %1과(와) 일치하는 행</translation>
    </message>
    <message>
        <source>%1% train, %2% validation, %3% test</source>
        <translation>학습 %1%, 검증 %2%, 테스트 %3%</translation>
    </message>
    <message>
        <source>%1, keeping the shares of %2</source>
        <translation>%1, %2의 비율 유지</translation>
    </message>
</context>
<context>
    <name>RemoveItemsCommand</name>
    <message numerus="yes">
        <source>Remove %n link(s)</source>
        <translation>
            <numerusform>연결 %n개 제거</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n node(s)</source>
        <translation>
            <numerusform>노드 %n개 제거</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveRecipeStepCommand</name>
    <message>
        <source>Remove step “%1”</source>
        <translation>“%1” 단계 삭제</translation>
    </message>
</context>
<context>
    <name>RenameDatasetCommand</name>
    <message>
        <source>Rename dataset “%1” to “%2”</source>
        <translation>데이터셋 “%1”의 이름을 “%2”(으)로 바꾸기</translation>
    </message>
</context>
<context>
    <name>RenameRunCommand</name>
    <message>
        <source>Rename run “%1” to “%2”</source>
        <translation>실행 “%1”의 이름을 “%2”(으)로 바꾸기</translation>
    </message>
</context>
<context>
    <name>SetNodeParametersCommand</name>
    <message>
        <source>Edit “%1”</source>
        <translation>“%1” 편집</translation>
    </message>
</context>
<context>
    <name>SetRecipeStepEnabledCommand</name>
    <message>
        <source>Enable step %1</source>
        <translation>%1단계 켜기</translation>
    </message>
    <message>
        <source>Disable step %1</source>
        <translation>%1단계 끄기</translation>
    </message>
</context>
<context>
    <name>SetRunNotesCommand</name>
    <message>
        <source>Edit notes of run “%1”</source>
        <translation>실행 “%1”의 메모 편집</translation>
    </message>
</context>
<context>
    <name>SetRunTagsCommand</name>
    <message>
        <source>Tag run “%1”</source>
        <translation>실행 “%1”에 태그 지정</translation>
    </message>
</context>
<context>
    <name>StudioDocks</name>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>아직 데이터가 없습니다</translation>
    </message>
    <message>
        <source>Drop a CSV, TSV, ARFF, JSON or SQLite file onto the window to import it. Its rows and column profiles appear here.</source>
        <translation>CSV, TSV, ARFF, JSON 또는 SQLite 파일을 창에 끌어다 놓으면 가져옵니다. 행과 열 프로필이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>No recipe yet</source>
        <translation>아직 레시피가 없습니다</translation>
    </message>
    <message>
        <source>A recipe is a list of transform steps on a dataset: filter rows, fill missing values, encode, scale. Import data first; every step can be undone.</source>
        <translation>레시피는 데이터셋에 적용하는 변환 단계의 목록입니다: 행 필터링, 결측값 채우기, 인코딩, 스케일링. 먼저 데이터를 가져오세요. 모든 단계는 실행 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Nothing to train yet</source>
        <translation>아직 학습할 것이 없습니다</translation>
    </message>
    <message>
        <source>Import a dataset and pick a target column: Lathe detects the task and suggests algorithms. Training runs in the background and can be cancelled.</source>
        <translation>데이터셋을 가져오고 목표 열을 고르세요. Lathe가 과제 유형을 판별하고 알고리즘을 추천합니다. 학습은 백그라운드에서 실행되며 언제든 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행 기록이 없습니다</translation>
    </message>
    <message>
        <source>Every training run is recorded here with its parameters and metrics, so you can compare runs side by side.</source>
        <translation>모든 학습 실행이 매개변수와 지표와 함께 여기에 기록되어, 실행 결과를 나란히 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>No chart yet</source>
        <translation>아직 차트가 없습니다</translation>
    </message>
    <message>
        <source>Job log</source>
        <translation>작업 기록</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>아직 작업이 없습니다</translation>
    </message>
    <message>
        <source>Imports, training and pipeline runs appear here with how long they took and how they ended.</source>
        <translation>가져오기, 학습, 파이프라인 실행이 걸린 시간과 결과와 함께 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>데이터: %1</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>열린 프로젝트 없음</translation>
    </message>
    <message>
        <source>A project keeps your data, goal, runs and models in one file, saved as you work. Start one with File › New Project, open one, or drop a data file onto the window.</source>
        <translation>프로젝트는 데이터, 목표, 실행, 모델을 파일 하나에 담고 작업하는 대로 저장합니다. 파일 › 새 프로젝트로 시작하거나, 프로젝트를 열거나, 데이터 파일을 창에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>프로파일</translation>
    </message>
    <message>
        <source>No column to profile</source>
        <translation>프로파일할 열이 없습니다</translation>
    </message>
    <message>
        <source>Import or open a dataset: every column&apos;s statistics and distribution appear here. Select a column in the Data table to see its profile.</source>
        <translation>데이터셋을 가져오거나 여세요. 모든 열의 통계와 분포가 여기에 나타납니다. 데이터 표에서 열을 선택하면 그 프로파일을 봅니다.</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>인사이트</translation>
    </message>
    <message>
        <source>No data to check</source>
        <translation>확인할 데이터가 없습니다</translation>
    </message>
    <message>
        <source>Import or open a dataset: Lathe checks it for constant columns, duplicates, missing values, class imbalance and target leakage, and offers one-click fixes.</source>
        <translation>데이터셋을 가져오거나 여세요. Lathe가 상수 열, 중복, 결측값, 클래스 불균형, 타깃 누수를 확인하고 한 번의 클릭으로 고칠 방법을 제안합니다.</translation>
    </message>
    <message>
        <source>Import or open a dataset to draw histograms, box plots, scatter plots, a correlation heatmap or a feature against the target.</source>
        <translation>데이터셋을 가져오거나 열면 히스토그램, 상자 그림, 산점도, 상관 히트맵, 특성과 타깃의 관계를 그릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Nothing to compare yet</source>
        <translation>아직 비교할 것이 없습니다</translation>
    </message>
    <message>
        <source>Select two or more runs in Experiments and click Compare: their metrics, parameters, ROC and precision–recall curves, confusion matrices and learning curves appear side by side.</source>
        <translation>실험에서 실행을 두 개 이상 선택하고 비교를 누르세요. 지표, 매개변수, ROC 및 정밀도–재현율 곡선, 혼동 행렬과 학습 곡선이 나란히 표시됩니다.</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>No node types</source>
        <translation>노드 종류 없음</translation>
    </message>
    <message>
        <source>The kinds of node a pipeline can use appear here.</source>
        <translation>파이프라인에서 쓸 수 있는 노드 종류가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>선택한 실행 없음</translation>
    </message>
    <message>
        <source>Select one run in Experiments to see its metrics, parameters and notes, the business value of its decisions and, for a decision tree, the tree itself.</source>
        <translation>실험에서 실행 하나를 선택하면 지표, 매개변수, 메모, 결정의 비즈니스 가치, 그리고 의사결정 트리라면 트리 자체를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>튜닝</translation>
    </message>
    <message>
        <source>Open a project with a dataset: tune an algorithm&apos;s hyperparameters, or let AutoML try every algorithm within a time budget. Each trial is recorded as a run.</source>
        <translation>데이터셋이 있는 프로젝트를 여세요. 알고리즘의 하이퍼파라미터를 튜닝하거나, AutoML이 제한 시간 안에 모든 알고리즘을 시도하게 할 수 있습니다. 시행 하나하나가 실행으로 기록됩니다.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Open a project: the models registered from its runs appear here with their versions and aliases, ready to compare with production, score files with and export.</source>
        <translation>프로젝트를 여세요. 실행에서 등록한 모델이 버전과 별칭과 함께 여기에 나타나며, 운영 버전과 비교하고 파일을 예측하고 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>배포</translation>
    </message>
    <message>
        <source>Open a project: its endpoints appear here, to serve registered models over HTTP on this computer with A/B splits and canary releases.</source>
        <translation>프로젝트를 여세요. 프로젝트의 엔드포인트가 여기에 나타나며, 등록된 모델을 A/B 분할과 카나리 릴리스로 이 컴퓨터에서 HTTP로 제공합니다.</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>모니터링</translation>
    </message>
    <message>
        <source>Open a project: compare new data and live traffic with a model&apos;s training data, watch drift, quality and bias over time, and retrain when an alert says so.</source>
        <translation>프로젝트를 여세요. 새 데이터와 실시간 트래픽을 모델의 학습 데이터와 비교하고, 드리프트·품질·편향을 시간에 따라 지켜보며, 경고가 뜨면 재학습합니다.</translation>
    </message>
</context>
<context>
    <name>lathe::app::AboutDialog</name>
    <message>
        <source>About Lathe Studio</source>
        <translation>Lathe 스튜디오 정보</translation>
    </message>
    <message>
        <source>A desktop studio for the whole machine-learning lifecycle: from a business goal to a monitored model.</source>
        <translation>머신러닝 수명 주기 전체를 위한 데스크톱 스튜디오: 비즈니스 목표에서 모니터링되는 모델까지.</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>GNU 일반 공중 사용 허가서 버전 3 이상에 따라 배포됩니다.</translation>
    </message>
    <message>
        <source>Running with</source>
        <translation>사용 중인 라이브러리</translation>
    </message>
</context>
<context>
    <name>lathe::app::ChartsController</name>
    <message>
        <source>Draw chart</source>
        <translation>차트 그리기</translation>
    </message>
</context>
<context>
    <name>lathe::app::DataController</name>
    <message>
        <source>Column histograms</source>
        <translation>열 히스토그램</translation>
    </message>
    <message>
        <source>Column profiles</source>
        <translation>열 프로파일</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation>%1 기준 정렬</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>행 필터</translation>
    </message>
</context>
<context>
    <name>lathe::app::DeployController</name>
    <message>
        <source>Could not make a new token: %1</source>
        <translation>새 토큰을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not read the endpoints: %1</source>
        <translation>엔드포인트를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not read endpoint %1: %2</source>
        <translation>엔드포인트 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation>서버가 시작되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Serving %1 on 127.0.0.1:%2. Clients send the token as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>127.0.0.1:%2에서 %1을(를) 제공하고 있습니다. 클라이언트는 토큰을 &quot;Authorization: Bearer TOKEN&quot; 형식으로 보냅니다.</translation>
    </message>
    <message>
        <source>The server stopped; its requests are in the project&apos;s request log.</source>
        <translation>서버가 중지되었습니다. 요청은 프로젝트의 요청 로그에 있습니다.</translation>
    </message>
    <message>
        <source>Register a model first: Experiments › right-click a run › Register Model…</source>
        <translation>먼저 모델을 등록하세요: 실험 › 실행을 마우스 오른쪽 단추로 클릭 › 모델 등록…</translation>
    </message>
    <message>
        <source>Endpoint %1 created. Click Start to serve it.</source>
        <translation>엔드포인트 %1을(를) 만들었습니다. 시작을 눌러 제공하세요.</translation>
    </message>
    <message>
        <source>Could not create the endpoint: %1</source>
        <translation>엔드포인트를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The canary now has %1% of the traffic.</source>
        <translation>이제 카나리가 트래픽의 %1%를 받습니다.</translation>
    </message>
    <message>
        <source>The canary did not change: %1</source>
        <translation>카나리가 바뀌지 않았습니다: %1</translation>
    </message>
    <message>
        <source>stepped up by hand</source>
        <translation>수동으로 단계 올림</translation>
    </message>
    <message>
        <source>rolled back by hand</source>
        <translation>수동으로 롤백</translation>
    </message>
    <message>
        <source>promoted by hand</source>
        <translation>수동으로 승격</translation>
    </message>
    <message>
        <source>The canary settings were not saved: %1</source>
        <translation>카나리 설정을 저장하지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n labelled answers compared.</source>
        <translation>
            <numerusform>레이블된 응답 %n개를 비교했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The variants could not be compared: %1</source>
        <translation>변형을 비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Comparing the variants…</source>
        <translation>변형을 비교하는 중…</translation>
    </message>
    <message>
        <source>Compare the variants of %1</source>
        <translation>%1의 변형 비교</translation>
    </message>
    <message>
        <source>created</source>
        <translation>생성됨</translation>
    </message>
    <message>
        <source>weights changed</source>
        <translation>가중치 변경</translation>
    </message>
    <message>
        <source>canary stepped up</source>
        <translation>카나리 단계 올림</translation>
    </message>
    <message>
        <source>canary rolled back</source>
        <translation>카나리 롤백</translation>
    </message>
    <message>
        <source>canary promoted</source>
        <translation>카나리 승격</translation>
    </message>
    <message>
        <source>server started</source>
        <translation>서버 시작</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>서버 중지</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>설정 변경</translation>
    </message>
    <message>
        <source>new token</source>
        <translation>새 토큰</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Loading the versions of %1…</source>
        <translation>%1의 버전을 불러오는 중…</translation>
    </message>
    <message>
        <source>Start serving %1</source>
        <translation>%1 제공 시작</translation>
    </message>
    <message>
        <source>The server was not started.</source>
        <translation>서버를 시작하지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not read the settings of %1: %2</source>
        <translation>%1의 설정을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>changed in the Deploy panel</source>
        <translation>배포 패널에서 변경함</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>설정을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Settings saved; the running server follows them within a second.</source>
        <translation>설정을 저장했습니다. 실행 중인 서버가 1초 안에 따릅니다.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
    <message>
        <source>Could not read the request log: %1</source>
        <translation>요청 로그를 읽을 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>lathe::app::ExperimentsController</name>
    <message numerus="yes">
        <source>Delete %n run(s)</source>
        <translation>
            <numerusform>실행 %n회 삭제</numerusform>
        </translation>
    </message>
    <message>
        <source>List runs</source>
        <translation>실행 목록 읽기</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>Compare two or more runs first.</source>
        <translation>먼저 실행을 두 개 이상 비교하세요.</translation>
    </message>
</context>
<context>
    <name>lathe::app::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 가져오기</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <source>CSV or other delimited text</source>
        <translation>CSV 또는 구분자로 나뉜 텍스트</translation>
    </message>
    <message>
        <source>ARFF (Weka)</source>
        <translation>ARFF (Weka)</translation>
    </message>
    <message>
        <source>JSON array of objects</source>
        <translation>JSON 객체 배열</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>SQLite table</source>
        <translation>SQLite 테이블</translation>
    </message>
    <message>
        <source>Korean (CP949 / EUC-KR)</source>
        <translation>한국어 (CP949 / EUC-KR)</translation>
    </message>
    <message>
        <source>Japanese (Shift-JIS)</source>
        <translation>일본어 (Shift-JIS)</translation>
    </message>
    <message>
        <source>Chinese (GBK)</source>
        <translation>중국어 (GBK)</translation>
    </message>
    <message>
        <source>Western (Windows-1252 / Latin-1)</source>
        <translation>서유럽어 (Windows-1252 / Latin-1)</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>쉼표 ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>세미콜론 ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>세로 막대 ( | )</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>공백</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>첫 행이 열 이름입니다</translation>
    </message>
    <message>
        <source>Partly checked: detect it from the file</source>
        <translation>부분 선택: 파일에서 자동으로 판단합니다</translation>
    </message>
    <message>
        <source>Values that mean “missing”, separated by commas. An empty field is always missing.</source>
        <translation>“결측”을 뜻하는 값들을 쉼표로 구분해 적으세요. 빈 필드는 항상 결측값입니다.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>인코딩:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>구분자:</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>결측값:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Reading a preview…</source>
        <translation>미리보기를 읽는 중…</translation>
    </message>
    <message>
        <source>Cannot read this file with these settings: %1</source>
        <translation>이 설정으로는 파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %n rows as they will be read</source>
        <translation>
            <numerusform>가져올 때와 같은 방식으로 읽은 처음 %n개 행</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>lathe::app::InsightsController</name>
    <message>
        <source>Data insights</source>
        <translation>데이터 인사이트</translation>
    </message>
</context>
<context>
    <name>lathe::app::JobManager</name>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>lathe::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>새 프로젝트(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty project</source>
        <translation>비어 있는 새 프로젝트를 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project or a data file</source>
        <translation>프로젝트나 데이터 파일을 엽니다</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>확대/축소 초기화(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run Pipeline</source>
        <translation>파이프라인 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;Selected Node</source>
        <translation>선택한 노드 실행(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation>모든 작업 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop every running job</source>
        <translation>실행 중인 모든 작업을 멈춥니다</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Lathe Studio</source>
        <translation>Lathe 스튜디오 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Your pipeline is empty</source>
        <translation>파이프라인이 비어 있습니다</translation>
    </message>
    <message>
        <source>Add nodes to the pipeline to run it</source>
        <translation>실행하려면 파이프라인에 노드를 추가하세요</translation>
    </message>
    <message>
        <source>Run every stale node of the pipeline</source>
        <translation>파이프라인에서 갱신이 필요한 모든 노드를 실행합니다</translation>
    </message>
    <message>
        <source>Run the selected node and what it needs</source>
        <translation>선택한 노드와 그 노드에 필요한 노드를 실행합니다</translation>
    </message>
    <message>
        <source>%1 — Lathe Studio</source>
        <translation>%1 — Lathe 스튜디오</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation>“%1” 파일이 없거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Unsupported file</source>
        <translation>지원하지 않는 파일</translation>
    </message>
    <message>
        <source>“%1” is neither a Lathe project nor a data file Lathe can import (CSV, TSV, ARFF, JSON or SQLite).</source>
        <translation>“%1” 파일은 Lathe 프로젝트도 아니고 Lathe가 가져올 수 있는 데이터 파일(CSV, TSV, ARFF, JSON, SQLite)도 아닙니다.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없음</translation>
    </message>
    <message>
        <source>“%1” no longer exists; it was removed from the recent projects.</source>
        <translation>“%1” 파일이 더 이상 없어 최근 프로젝트 목록에서 제거했습니다.</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>최근 프로젝트 없음</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation>데이터 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a CSV, TSV, ARFF, JSON or SQLite file</source>
        <translation>CSV, TSV, ARFF, JSON 또는 SQLite 파일을 가져옵니다</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 가져오기</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rows</source>
        <translation>
            <numerusform>%n개 행을 가져왔습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings: %1</source>
        <translation>
            <numerusform>경고 %n개: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export Data as CSV…</source>
        <translation>데이터를 CSV로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the rows in the Data dock to a CSV file</source>
        <translation>데이터 창의 행들을 CSV 파일로 씁니다</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel용 CSV, BOM 포함 UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export Data as CSV</source>
        <translation>데이터를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 내보내기</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 실패</translation>
    </message>
    <message>
        <source>Copy the project to a new file and continue there</source>
        <translation>프로젝트를 새 파일로 복사하고 그곳에서 계속합니다</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>프로젝트 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>No project open: an import starts one</source>
        <translation>열린 프로젝트 없음: 데이터를 가져오면 새로 시작됩니다</translation>
    </message>
    <message>
        <source>%1 [read-only] — Lathe Studio</source>
        <translation>%1 [읽기 전용] — Lathe Studio</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>읽기 전용: %1</translation>
    </message>
    <message>
        <source>Saved as you work, in Lathe&apos;s unsaved-projects folder; Save As names it</source>
        <translation>작업하는 대로 Lathe의 저장 안 된 프로젝트 폴더에 저장됩니다. 다른 이름으로 저장하면 이름이 붙습니다</translation>
    </message>
    <message>
        <source>All changes saved as you make them</source>
        <translation>모든 변경이 할 때마다 저장됨</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>프로젝트를 읽을 수 없음</translation>
    </message>
    <message>
        <source>Drag a node from the Nodes palette onto the canvas, then drag from an output port to an input port to connect them. Press F5 to run.</source>
        <translation>노드 팔레트에서 노드를 캔버스로 끌어다 놓고, 출력 포트에서 입력 포트로 끌어 연결하세요. F5를 누르면 실행됩니다.</translation>
    </message>
    <message>
        <source>New from &amp;Demo…</source>
        <translation>데모로 새로 만들기(&amp;D)…</translation>
    </message>
    <message>
        <source>A German-credit project with its data, goal, costs and a pipeline that trains three models</source>
        <translation>데이터, 목표, 비용과 세 모델을 학습하는 파이프라인이 담긴 독일 신용 프로젝트</translation>
    </message>
    <message>
        <source>&amp;AutoML</source>
        <translation>AutoML(&amp;A)</translation>
    </message>
    <message>
        <source>Try every algorithm on the shown dataset within a time budget, and keep the best model</source>
        <translation>표시된 데이터셋에서 제한 시간 안에 모든 알고리즘을 시도하고 가장 좋은 모델을 남깁니다</translation>
    </message>
    <message>
        <source>AutoML started; the leaderboard fills in as trials finish.</source>
        <translation>AutoML을 시작했습니다. 시행이 끝나는 대로 순위표가 채워집니다.</translation>
    </message>
    <message numerus="yes">
        <source>Monitoring “%1”: %n alert(s)</source>
        <translation>
            <numerusform>“%1” 모니터링: 경고 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::app::ModelsController</name>
    <message>
        <source>Cannot read the model registry: %1</source>
        <translation>모델 레지스트리를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Another model job is running; wait for it or cancel it.</source>
        <translation>다른 모델 작업이 실행 중입니다. 끝날 때까지 기다리거나 취소하세요.</translation>
    </message>
    <message>
        <source>The project is open read-only: models cannot be registered.</source>
        <translation>프로젝트가 읽기 전용으로 열려 있어 모델을 등록할 수 없습니다.</translation>
    </message>
    <message>
        <source>Register model</source>
        <translation>모델 등록</translation>
    </message>
    <message>
        <source>Register run #%1 as “%2”</source>
        <translation>실행 #%1을(를) “%2”(으)로 등록</translation>
    </message>
    <message>
        <source>Registered %1. Set Alias… makes it the candidate or puts it in production.</source>
        <translation>%1을(를) 등록했습니다. 별칭 지정…으로 후보로 만들거나 운영에 올리세요.</translation>
    </message>
    <message>
        <source>Give a reason for the move: the history keeps it.</source>
        <translation>변경 이유를 입력하세요. 이력에 남습니다.</translation>
    </message>
    <message>
        <source>Set alias</source>
        <translation>별칭 지정</translation>
    </message>
    <message>
        <source>%1 has no alias now.</source>
        <translation>%1에는 이제 별칭이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is %2 now.</source>
        <translation>%1은(는) 이제 %2입니다.</translation>
    </message>
    <message>
        <source>Score a File with %1</source>
        <translation>%1(으)로 파일 예측</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl)</source>
        <translation>데이터 파일 (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save the Predictions</source>
        <translation>예측 결과 저장</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Write the predictions to another file than the one scored.</source>
        <translation>예측 결과는 입력 파일과 다른 파일에 저장하세요.</translation>
    </message>
    <message>
        <source>Score %1 with %2</source>
        <translation>%2(으)로 %1 예측</translation>
    </message>
    <message numerus="yes">
        <source>Scored %n rows with %1 into %2.</source>
        <translation>
            <numerusform>%1(으)로 %n행을 예측해 %2에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lathe model bundle (*.lathemodel)</source>
        <translation>Lathe 모델 번들 (*.lathemodel)</translation>
    </message>
    <message>
        <source>XGBoost JSON model (*.json)</source>
        <translation>XGBoost JSON 모델 (*.json)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 내보내기</translation>
    </message>
    <message>
        <source>Exported %1 in XGBoost&apos;s JSON to %2.</source>
        <translation>%1을(를) XGBoost JSON 형식으로 %2에 내보냈습니다.</translation>
    </message>
    <message>
        <source>Exported %1 to %2; lathe serve loads it on any machine.</source>
        <translation>%1을(를) %2에 내보냈습니다. 어느 컴퓨터에서든 lathe serve로 불러올 수 있습니다.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>취소했습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 v%2 (%n rows)</source>
        <translation>
            <numerusform>%1 v%2 (%n행)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the datasets: %1</source>
        <translation>데이터셋을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The project has no datasets yet: import one, or score a file instead.</source>
        <translation>프로젝트에 아직 데이터셋이 없습니다. 하나를 가져오거나 대신 파일을 예측하세요.</translation>
    </message>
    <message>
        <source>Score a Dataset with %1</source>
        <translation>%1(으)로 데이터셋 예측</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Score a dataset with %1</source>
        <translation>%1(으)로 데이터셋 예측</translation>
    </message>
    <message numerus="yes">
        <source>It holds the booster only: rows fed to it must first go through the version&apos;s %n recipe(s), which the .lathemodel bundle carries.</source>
        <translation>
            <numerusform>부스터만 들어 있습니다. 입력 행은 먼저 이 버전의 레시피 %n개를 거쳐야 하며, 레시피는 .lathemodel 번들에 들어 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::app::MonitorController</name>
    <message>
        <source>Could not read the monitoring schedules: %1</source>
        <translation>모니터링 일정을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Could not read the monitoring runs: %1</source>
        <translation>모니터링 실행 기록을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Create baseline “%1”</source>
        <translation>기준선 “%1” 만들기</translation>
    </message>
    <message>
        <source>Baseline “%1” created. Next: New Schedule… compares new data with it.</source>
        <translation>기준선 “%1”을(를) 만들었습니다. 다음 단계: 새 일정…에서 새 데이터를 이 기준선과 비교합니다.</translation>
    </message>
    <message>
        <source>Could not save the schedule: %1</source>
        <translation>일정을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Monitor “%1”</source>
        <translation>“%1” 모니터링</translation>
    </message>
    <message>
        <source>“%1”: %2 rows compared, nothing crossed a threshold.</source>
        <translation>“%1”: %2행을 비교했고 임계값을 넘은 항목이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n alert(s).</source>
        <translation>
            <numerusform>“%1”: 경고 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the schedule: %1</source>
        <translation>일정을 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>%1 비교</translation>
    </message>
    <message>
        <source>Compared %1 with the baseline (a run by hand, kept in the project&apos;s history).</source>
        <translation>%1을(를) 기준선과 비교했습니다(수동 실행이며 프로젝트 기록에 남습니다).</translation>
    </message>
    <message>
        <source>Constraints saved: the next run checks the data against them.</source>
        <translation>제약 조건을 저장했습니다. 다음 실행부터 데이터를 이 조건으로 검사합니다.</translation>
    </message>
    <message>
        <source>Could not save the constraints: %1</source>
        <translation>제약 조건을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Compare a File with the Baseline</source>
        <translation>파일을 기준선과 비교</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json *.jsonl);;All files (*)</source>
        <translation>데이터 파일 (*.csv *.tsv *.txt *.arff *.json *.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>This schedule watches no model: name one in Edit Schedule… to retrain it.</source>
        <translation>이 일정은 감시하는 모델이 없습니다. 재학습하려면 일정 편집…에서 모델을 지정하세요.</translation>
    </message>
    <message>
        <source>Retraining…</source>
        <translation>재학습 중…</translation>
    </message>
    <message>
        <source>Retrain %1</source>
        <translation>%1 재학습</translation>
    </message>
    <message>
        <source>Another monitoring job is running; try again when it ends.</source>
        <translation>다른 모니터링 작업이 실행 중입니다. 끝난 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The retrained model is in production now; the decision is recorded.</source>
        <translation>재학습한 모델이 이제 운영 중입니다. 결정이 기록되었습니다.</translation>
    </message>
    <message>
        <source>The live model stays; the retrained one is archived and the decision recorded.</source>
        <translation>운영 중인 모델을 유지합니다. 재학습한 모델은 보관되었고 결정이 기록되었습니다.</translation>
    </message>
    <message>
        <source>Retrained model promoted</source>
        <translation>재학습 모델 승격됨</translation>
    </message>
    <message>
        <source>Live model kept</source>
        <translation>운영 모델 유지됨</translation>
    </message>
    <message>
        <source>Could not record the decision: %1</source>
        <translation>결정을 기록하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Cancelled; nothing was recorded.</source>
        <translation>취소되었습니다. 아무것도 기록되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>lathe::app::NewProjectDialog</name>
    <message>
        <source>Choose a folder for the project.</source>
        <translation>프로젝트를 저장할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>“%1” 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>You cannot create files in the folder “%1”.</source>
        <translation>“%1” 폴더에 파일을 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>A file named “%1” already exists in this folder. Choose another name.</source>
        <translation>이 폴더에 “%1” 파일이 이미 있습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>Enter a name to see the file path.</source>
        <translation>이름을 입력하면 파일 경로가 표시됩니다.</translation>
    </message>
    <message>
        <source>Choose a Folder for the Project</source>
        <translation>프로젝트 폴더 선택</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>위치:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Business goal:</source>
        <translation>비즈니스 목표:</translation>
    </message>
    <message>
        <source>e.g. Customer churn</source>
        <translation>예: 고객 이탈</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Optional: what the model is for, in your words</source>
        <translation>선택 사항: 모델을 어디에 쓰는지 직접 적어 주세요</translation>
    </message>
    <message>
        <source>Set a KPI now</source>
        <translation>지금 KPI 정하기</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
</context>
<context>
    <name>lathe::app::NodeParametersDialog</name>
    <message>
        <source>Parameters of “%1”</source>
        <translation>“%1”의 매개변수</translation>
    </message>
    <message>
        <source>This node has no parameters.</source>
        <translation>이 노드에는 매개변수가 없습니다.</translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineController</name>
    <message>
        <source>Cannot connect: %1</source>
        <translation>연결할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation>노드 이동</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>노드 추가</translation>
    </message>
    <message>
        <source>Connect nodes</source>
        <translation>노드 연결</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>노드 %n개를 복사했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste nodes</source>
        <translation>노드 붙여넣기</translation>
    </message>
    <message>
        <source>Align left</source>
        <translation>왼쪽 맞춤</translation>
    </message>
    <message>
        <source>Align top</source>
        <translation>위쪽 맞춤</translation>
    </message>
    <message>
        <source>Edit node</source>
        <translation>노드 편집</translation>
    </message>
    <message>
        <source>Select the node to run first</source>
        <translation>먼저 실행할 노드를 선택하세요</translation>
    </message>
    <message>
        <source>The pipeline is already running</source>
        <translation>파이프라인이 이미 실행 중입니다</translation>
    </message>
    <message>
        <source>Add nodes to the pipeline to run it</source>
        <translation>실행하려면 파이프라인에 노드를 추가하세요</translation>
    </message>
    <message>
        <source>Pipeline done: %1 node(s) ran, %2 reused</source>
        <translation>파이프라인 완료: 노드 %1개 실행, %2개 재사용</translation>
    </message>
    <message>
        <source>The pipeline stopped: %1</source>
        <translation>파이프라인이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>Pipeline run cancelled</source>
        <translation>파이프라인 실행이 취소되었습니다</translation>
    </message>
    <message>
        <source>Run pipeline “%1”</source>
        <translation>파이프라인 “%1” 실행</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>왼쪽 맞춤(&amp;L)</translation>
    </message>
    <message>
        <source>Line the selected nodes up on the leftmost one</source>
        <translation>선택한 노드를 가장 왼쪽 노드에 맞춰 정렬합니다</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>위쪽 맞춤(&amp;T)</translation>
    </message>
    <message>
        <source>Line the selected nodes up on the topmost one</source>
        <translation>선택한 노드를 가장 위쪽 노드에 맞춰 정렬합니다</translation>
    </message>
    <message>
        <source>Wait for the run to finish, then open the node again</source>
        <translation>실행이 끝난 뒤 노드를 다시 여세요</translation>
    </message>
    <message>
        <source>Running the nodes before “%1” to show what reaches it…</source>
        <translation>“%1”에 들어오는 데이터를 보여 주려고 앞의 노드를 실행하는 중…</translation>
    </message>
    <message>
        <source>The nodes before “%1” did not finish: the canvas shows why</source>
        <translation>“%1” 앞의 노드가 끝나지 않았습니다. 캔버스에 이유가 표시됩니다</translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineDocument</name>
    <message>
        <source>Open pipeline “%1”</source>
        <translation>파이프라인 “%1” 열기</translation>
    </message>
</context>
<context>
    <name>lathe::app::PipelineNodeEditors</name>
    <message>
        <source>%1 in “%2”</source>
        <translation>“%2”에서 %1</translation>
    </message>
    <message>
        <source>“%1” keeps its settings: %2</source>
        <translation>“%1”의 설정을 그대로 둡니다: %2</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>“%1” 편집</translation>
    </message>
</context>
<context>
    <name>lathe::app::ProjectController</name>
    <message>
        <source>Created project “%1”.</source>
        <translation>프로젝트 “%1”을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>프로젝트를 만들 수 없음</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없음</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>읽기 전용으로 열림</translation>
    </message>
    <message>
        <source>“%1” was opened read-only: %2.</source>
        <translation>“%1”을(를) 읽기 전용으로 열었습니다: %2.</translation>
    </message>
    <message>
        <source>Upgraded the project to this version of Lathe; the original is kept as “%1”.</source>
        <translation>프로젝트를 이 버전의 Lathe에 맞게 업그레이드했습니다. 원본은 “%1”(으)로 보관됩니다.</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>프로젝트를 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved the project as “%1”. Every change is saved there as you make it.</source>
        <translation>프로젝트를 “%1”(으)로 저장했습니다. 이제 모든 변경은 할 때마다 그곳에 저장됩니다.</translation>
    </message>
    <message>
        <source>Save as %1</source>
        <translation>%1(으)로 저장</translation>
    </message>
    <message>
        <source>The import is not stored in the project</source>
        <translation>가져온 데이터가 프로젝트에 저장되지 않음</translation>
    </message>
    <message>
        <source>Stored “%1” in the project.</source>
        <translation>“%1”을(를) 프로젝트에 저장했습니다.</translation>
    </message>
    <message>
        <source>“%1” is shown, but could not be stored in the project: %2</source>
        <translation>“%1”은(는) 표시되었지만 프로젝트에 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Store %1 in the project</source>
        <translation>%1을(를) 프로젝트에 저장</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>Cannot load dataset</source>
        <translation>데이터셋을 불러올 수 없음</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 불러오기</translation>
    </message>
    <message>
        <source>“%1” is already open.</source>
        <translation>“%1”은(는) 이미 열려 있습니다.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Cannot save project yet</source>
        <translation>아직 프로젝트를 저장할 수 없음</translation>
    </message>
    <message>
        <source>Lathe is still storing data in this project. Save As once that job has finished.</source>
        <translation>Lathe가 아직 이 프로젝트에 데이터를 저장하고 있습니다. 그 작업이 끝난 뒤 다른 이름으로 저장하세요.</translation>
    </message>
    <message>
        <source>Stored “%1” in “%2”.</source>
        <translation>“%1”을(를) “%2”에 저장했습니다.</translation>
    </message>
    <message>
        <source>New Project from Demo</source>
        <translation>데모로 새 프로젝트</translation>
    </message>
    <message>
        <source>German credit</source>
        <translation>독일 신용</translation>
    </message>
    <message>
        <source>Lathe projects (*.lathe)</source>
        <translation>Lathe 프로젝트 (*.lathe)</translation>
    </message>
    <message>
        <source>Cannot create the demo</source>
        <translation>데모를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>The demo&apos;s data is missing from this build.</source>
        <translation>이 빌드에는 데모 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Created the demo project “%1”.</source>
        <translation>데모 프로젝트 “%1”을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>Create the demo project</source>
        <translation>데모 프로젝트 만들기</translation>
    </message>
</context>
<context>
    <name>lathe::app::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>lathe::app::RecipeController</name>
    <message>
        <source>Edit step</source>
        <translation>단계 편집</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>단계 추가</translation>
    </message>
    <message>
        <source>No dataset shown</source>
        <translation>표시된 데이터셋이 없습니다</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>미리보기 실패: %1</translation>
    </message>
    <message>
        <source>Preview: first %1 rows · %2 ms</source>
        <translation>미리보기: 처음 %1행 · %2 ms</translation>
    </message>
    <message>
        <source>Recipe preview (first %1 rows)</source>
        <translation>레시피 미리보기 (처음 %1행)</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>Apply failed: %1</source>
        <translation>적용 실패: %1</translation>
    </message>
    <message>
        <source>Apply recipe</source>
        <translation>레시피 적용</translation>
    </message>
    <message>
        <source>Add a step to preview the recipe</source>
        <translation>단계를 추가하면 레시피를 미리 볼 수 있습니다</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>The node&apos;s recipe cannot be read: %1</source>
        <translation>노드의 레시피를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>What reaches “%1”</source>
        <translation>“%1”에 들어오는 데이터</translation>
    </message>
</context>
<context>
    <name>lathe::app::RunDetailsController</name>
    <message>
        <source>Show run</source>
        <translation>실행 보기</translation>
    </message>
</context>
<context>
    <name>lathe::app::TrainingController</name>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Training %1…</source>
        <translation>%1 학습 중…</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Trained %1: %2 in %3 s</source>
        <translation>%1 학습 완료: %2, %3초</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>학습 실패: %1</translation>
    </message>
    <message>
        <source>Training cancelled; nothing was stored.</source>
        <translation>학습이 취소되어 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>%1 학습</translation>
    </message>
    <message>
        <source>The node trains on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation>노드는 파이프라인에서 들어오는 데이터로 학습합니다. ‘노드에 적용’을 누르면 이 선택이 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>lathe::app::TuningController</name>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>%1 → %2 (%3, %4)</source>
        <translation>%1 → %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Cannot show the search: %1</source>
        <translation>탐색을 표시할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>A search is running; cancel it or wait for it to end.</source>
        <translation>탐색이 실행 중입니다. 취소하거나 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Open a dataset, choose the column to predict, then Start.</source>
        <translation>데이터셋을 열고 예측할 열을 고른 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <source>Import a dataset to search on first.</source>
        <translation>먼저 탐색할 데이터셋을 가져오세요.</translation>
    </message>
    <message>
        <source>Choose the column to predict.</source>
        <translation>예측할 열을 고르세요.</translation>
    </message>
    <message>
        <source>AutoML to predict %1</source>
        <translation>%1 예측 AutoML</translation>
    </message>
    <message numerus="yes">
        <source>Best: %1 with %2 %3 (%n trial(s) in %4 s)</source>
        <translation>
            <numerusform>최고: %1, %2 %3 (시행 %n회, %4초)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tune %1 to predict %2</source>
        <translation>%2 예측을 위한 %1 튜닝</translation>
    </message>
    <message numerus="yes">
        <source>Best: trial %1 with %2 %3 (%n trial(s) in %4 s)</source>
        <translation>
            <numerusform>최고: 시행 %1, %2 %3 (시행 %n회, %4초)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume tuning %1</source>
        <translation>%1 튜닝 이어서 하기</translation>
    </message>
    <message>
        <source>Best: trial %1 with %2 %3</source>
        <translation>최고: 시행 %1, %2 %3</translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation>이어서 할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>탐색 실패: %1</translation>
    </message>
    <message>
        <source>Stopped. The trials that finished are kept; Resume carries a tuning on from them.</source>
        <translation>멈췄습니다. 끝난 시행은 보존되며, 이어서 하기를 누르면 그 시행들부터 튜닝을 계속합니다.</translation>
    </message>
    <message>
        <source>The node runs AutoML on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation>이 노드는 파이프라인에서 들어오는 데이터로 AutoML을 실행합니다. 노드에 적용을 누르면 이 선택이 저장됩니다.</translation>
    </message>
    <message>
        <source>The node tunes on what reaches it in the pipeline; Apply to node keeps these choices.</source>
        <translation>이 노드는 파이프라인에서 들어오는 데이터로 튜닝합니다. 노드에 적용을 누르면 이 선택이 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AbResultView</name>
    <message>
        <source>Once labels arrive, Compare Variants… joins them to the logged answers by key and tells whether one variant is really better.</source>
        <translation>레이블이 들어오면 변형 비교…가 키로 기록된 응답과 결합하여 어느 변형이 실제로 더 나은지 알려 줍니다.</translation>
    </message>
    <message>
        <source>better</source>
        <translation>더 좋음</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>더 나쁨</translation>
    </message>
    <message>
        <source>no difference yet</source>
        <translation>아직 차이 없음</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>데이터 부족</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>%1 is better than %2 on %3 by %4 (%5% CI %6, p = %7): the difference is real.</source>
        <translation>%1이(가) %3에서 %2보다 %4만큼 좋습니다(%5% 신뢰구간 %6, p = %7). 실제 차이입니다.</translation>
    </message>
    <message>
        <source>%1 is worse than %2 on %3 by %4 (%5% CI %6, p = %7): the difference is real.</source>
        <translation>%1이(가) %3에서 %2보다 %4만큼 나쁩니다(%5% 신뢰구간 %6, p = %7). 실제 차이입니다.</translation>
    </message>
    <message>
        <source>%1 and %2 differ by %3 on %4 (%5% CI %6, p = %7): not a real difference yet.</source>
        <translation>%1과(와) %2은(는) %4에서 %3만큼 다릅니다(%5% 신뢰구간 %6, p = %7). 아직 실제 차이가 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>About %n more labelled rows per variant would tell.</source>
        <translation>
            <numerusform>변형마다 레이블된 행이 약 %n개 더 있으면 판단할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against %2: not enough labelled rows yet to judge.</source>
        <translation>%1 대 %2: 판단하기에 레이블된 행이 아직 부족합니다.</translation>
    </message>
    <message numerus="yes">
        <source>About %n more labelled rows per variant are needed.</source>
        <translation>
            <numerusform>변형마다 레이블된 행이 약 %n개 더 필요합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Labelled rows</source>
        <translation>레이블된 행</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Confidence interval</source>
        <translation>신뢰구간</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-값</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AbTestDialog</name>
    <message>
        <source>Compare Variants</source>
        <translation>변형 비교</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>the column with the true outcome</source>
        <translation>실제 결과가 있는 열</translation>
    </message>
    <message>
        <source>Labels file:</source>
        <translation>레이블 파일:</translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation>키 열:</translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation>레이블 열:</translation>
    </message>
    <message>
        <source>Judge by:</source>
        <translation>판단 기준:</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.arff *.json *.jsonl);;All files (*)</source>
        <translation>데이터 파일 (*.csv *.tsv *.arff *.json *.jsonl);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::AliasHistoryView</name>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>From</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>To</source>
        <translation>이후</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BiasAttributionView</name>
    <message>
        <source>%1 (baseline %2)</source>
        <translation>%1(기준선 %2)</translation>
    </message>
    <message>
        <source>Parity gap, the largest difference in positive rate between groups: %1</source>
        <translation>패리티 격차(그룹 간 양성 비율의 최대 차이): %1</translation>
    </message>
    <message>
        <source>Opportunity gap, the largest difference in recall: %1</source>
        <translation>기회 격차(재현율의 최대 차이): %1</translation>
    </message>
    <message>
        <source>Opportunity gap: needs labels</source>
        <translation>기회 격차: 레이블이 있어야 합니다</translation>
    </message>
    <message>
        <source>A gap above %1, or one grown by more than %1 since the baseline, alerts.</source>
        <translation>격차가 %1보다 크거나 기준선보다 %1 넘게 커지면 경고합니다.</translation>
    </message>
    <message>
        <source>Alert:</source>
        <translation>경고:</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Baseline importance</source>
        <translation>기준선 중요도</translation>
    </message>
    <message>
        <source>This batch</source>
        <translation>이번 배치</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>No feature importances for this run. Edit Schedule… sets the model they are measured on.</source>
        <translation>이 실행에는 특성 중요도가 없습니다. 일정 편집…에서 중요도를 측정할 모델을 지정하세요.</translation>
    </message>
    <message>
        <source>Importance ranking, baseline against this batch: NDCG %1 (alert below %2)</source>
        <translation>중요도 순위, 기준선 대비 이번 배치: NDCG %1(%2 미만이면 경고)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BoxPlotChart</name>
    <message>
        <source>Choose a numeric column to see its spread.</source>
        <translation>분포를 볼 숫자 열을 고르세요.</translation>
    </message>
    <message>
        <source>%1 has no values to plot.</source>
        <translation>%1에 그릴 값이 없습니다.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <source>Outlier: %1</source>
        <translation>이상값: %1</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>Median: %1</source>
        <translation>중앙값: %1</translation>
    </message>
    <message>
        <source>Quartiles: %1 to %2</source>
        <translation>사분위수: %1 ~ %2</translation>
    </message>
    <message>
        <source>Whiskers: %1 to %2</source>
        <translation>수염: %1 ~ %2</translation>
    </message>
    <message>
        <source>Range: %1 to %2</source>
        <translation>범위: %1 ~ %2</translation>
    </message>
    <message>
        <source>Outliers: %1 (the %2 most extreme shown)</source>
        <translation>이상값: %1개 (가장 극단적인 %2개 표시)</translation>
    </message>
    <message>
        <source>Outliers: %1</source>
        <translation>이상값: %1개</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::BusinessValueChart</name>
    <message>
        <source>%1 (best %2 per row)</source>
        <comment>a run&apos;s name and its best expected value per row</comment>
        <translation>%1 (최고 행당 %2)</translation>
    </message>
    <message>
        <source>best: flag no one · %1 per row</source>
        <translation>최적: 아무도 표시하지 않음 · 행당 %1</translation>
    </message>
    <message>
        <source>best threshold %1 · %2 per row</source>
        <translation>최적 임계값 %1 · 행당 %2</translation>
    </message>
    <message>
        <source>flag no one · %1 per row</source>
        <translation>아무도 표시하지 않음 · 행당 %1</translation>
    </message>
    <message>
        <source>threshold %1 · %2 per row</source>
        <translation>임계값 %1 · 행당 %2</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <comment>a point&apos;s text, the KPI metric and its value</comment>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>Select a binary classification run to see what its decisions are worth.</source>
        <translation>이진 분류 실행을 선택하면 그 결정의 가치를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Set the cost matrix in the project&apos;s goal to see the business value.</source>
        <translation>비즈니스 가치를 보려면 프로젝트 목표에서 비용 행렬을 설정하세요.</translation>
    </message>
    <message>
        <source>The selected runs are not binary classifiers with a stored ROC curve.</source>
        <translation>선택한 실행은 저장된 ROC 곡선이 있는 이진 분류기가 아닙니다.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>Expected value per row</source>
        <translation>행당 기대 가치</translation>
    </message>
    <message>
        <source>KPI %1 does not depend on the threshold</source>
        <translation>KPI %1은(는) 임계값에 따라 달라지지 않습니다</translation>
    </message>
    <message>
        <source>%1 (dotted)</source>
        <comment>the KPI metric&apos;s axis</comment>
        <translation>%1 (점선)</translation>
    </message>
    <message>
        <source>KPI target %1 ≥ %2</source>
        <translation>KPI 목표 %1 ≥ %2</translation>
    </message>
    <message>
        <source>KPI target %1 ≤ %2</source>
        <translation>KPI 목표 %1 ≤ %2</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CanarySettingsDialog</name>
    <message>
        <source>Canary Settings</source>
        <translation>카나리 설정</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>by hand only</source>
        <translation>수동으로만</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>단계:</translation>
    </message>
    <message>
        <source>Step every:</source>
        <translation>단계 간격:</translation>
    </message>
    <message>
        <source>Up to a share of:</source>
        <translation>최대 비율:</translation>
    </message>
    <message>
        <source>Roll back above error rate:</source>
        <translation>오류율이 넘으면 롤백:</translation>
    </message>
    <message>
        <source>Roll back above p99 latency:</source>
        <translation>p99 지연이 넘으면 롤백:</translation>
    </message>
    <message>
        <source>Judge after requests:</source>
        <translation>판단 전 최소 요청 수:</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ChartsPanel</name>
    <message>
        <source>Import or open a dataset to chart its columns.</source>
        <translation>데이터셋을 가져오거나 열면 열을 차트로 그릴 수 있습니다.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Pick the columns this chart needs.</source>
        <translation>이 차트에 필요한 열을 고르세요.</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>차트를 그리는 중…</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>상자 그림</translation>
    </message>
    <message>
        <source>Scatter plot</source>
        <translation>산점도</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>상관관계</translation>
    </message>
    <message>
        <source>Feature vs target</source>
        <translation>특성 대 타깃</translation>
    </message>
    <message>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <source>&amp;Feature:</source>
        <translation>특성(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Column:</source>
        <translation>열(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Y:</source>
        <translation>&amp;Y:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>타깃(&amp;T):</translation>
    </message>
    <message>
        <source>C&amp;olour by:</source>
        <translation>색상 기준(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>그룹 기준(&amp;G):</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation>차트를 PNG, SVG 또는 PDF로 저장합니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ColumnProfilePanel</name>
    <message>
        <source>Column %1</source>
        <translation>열 %1</translation>
    </message>
    <message>
        <source>Profiling…</source>
        <translation>프로파일 중…</translation>
    </message>
    <message>
        <source>%1 of %2 rows missing</source>
        <translation>%2행 중 %1행 결측</translation>
    </message>
    <message>
        <source>Select a column to see its statistics and distribution.</source>
        <translation>열을 선택하면 통계와 분포를 봅니다.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>결측</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>고유값</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <source>5%</source>
        <translation>5%</translation>
    </message>
    <message>
        <source>25%</source>
        <translation>25%</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>75%</source>
        <translation>75%</translation>
    </message>
    <message>
        <source>95%</source>
        <translation>95%</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>True</source>
        <translation>참</translation>
    </message>
    <message>
        <source>Mean length</source>
        <translation>평균 길이</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1자</translation>
    </message>
    <message>
        <source>Most frequent</source>
        <translation>최빈</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>실수</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>True/false</source>
        <translation>참/거짓</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>범주</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>날짜와 시간</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>No columns to profile</source>
        <translation>프로파일할 열이 없습니다</translation>
    </message>
    <message>
        <source>Open a dataset to see each column&apos;s statistics and distribution here.</source>
        <translation>데이터셋을 열면 각 열의 통계와 분포가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ConfusionMatrixChart</name>
    <message>
        <source>Actual: %1</source>
        <translation>실제: %1</translation>
    </message>
    <message>
        <source>Predicted: %1</source>
        <translation>예측: %1</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>%1 rows, %2 of the actual class</source>
        <translation>%1행, 실제 클래스의 %2</translation>
    </message>
    <message>
        <source>Select a classification run to see its confusion matrix.</source>
        <translation>분류 실행을 선택하면 혼동 행렬을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The run has no confusion matrix.</source>
        <translation>이 실행에는 혼동 행렬이 없습니다.</translation>
    </message>
    <message>
        <source>Share of the actual class</source>
        <translation>실제 클래스 중 비율</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ConstraintsDialog</name>
    <message>
        <source>Edit Constraints</source>
        <translation>제약 조건 편집</translation>
    </message>
    <message>
        <source>What new data from %1 must satisfy. Leave a cell empty to switch its check off; the Observed column shows what the baseline saw.</source>
        <translation>%1에서 온 새 데이터가 지켜야 할 조건입니다. 칸을 비워 두면 그 검사는 꺼집니다. 관측값 열에는 기준선에서 본 값이 나옵니다.</translation>
    </message>
    <message>
        <source>Comma-separated; empty allows any value</source>
        <translation>쉼표로 구분합니다. 비워 두면 어떤 값이든 허용합니다</translation>
    </message>
    <message>
        <source>Drift when the PSI reaches this (0.2 is a large shift)</source>
        <translation>PSI가 이 값에 이르면 드리프트입니다(0.2는 큰 변화).</translation>
    </message>
    <message>
        <source>Drift also when the test&apos;s p-value is below alpha and the PSI is above its floor</source>
        <translation>검정의 p-값이 알파보다 작고 PSI가 하한보다 클 때도 드리프트입니다</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>관측값</translation>
    </message>
    <message>
        <source>Max missing %</source>
        <translation>최대 결측 %</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>Allowed categories</source>
        <translation>허용 범주</translation>
    </message>
    <message>
        <source>Check distribution</source>
        <translation>분포 검사</translation>
    </message>
    <message>
        <source>PSI threshold</source>
        <translation>PSI 임계값</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>알파</translation>
    </message>
    <message>
        <source>The baseline&apos;s %1 rows</source>
        <translation>기준선의 %1행</translation>
    </message>
    <message>
        <source>any</source>
        <translation>모두</translation>
    </message>
    <message>
        <source>%1: %2 needs a value.</source>
        <translation>%1: %2에 값이 필요합니다.</translation>
    </message>
    <message>
        <source>%1: %2 “%3” is not a number.</source>
        <translation>%1: %2의 “%3”은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>%1: the largest missing share must be between 0 and 100%.</source>
        <translation>%1: 최대 결측 비율은 0에서 100% 사이여야 합니다.</translation>
    </message>
    <message>
        <source>%1: the minimum %2 is above the maximum %3.</source>
        <translation>%1: 최솟값 %2이(가) 최댓값 %3보다 큽니다.</translation>
    </message>
    <message>
        <source>%1: the PSI threshold must be above 0.</source>
        <translation>%1: PSI 임계값은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>%1: alpha must be between 0 and 1, for example 0.01.</source>
        <translation>%1: 알파는 0과 1 사이여야 합니다(예: 0.01).</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CorrelationHeatmap</name>
    <message>
        <source>%1 × %2: undefined (fewer than two rows with both values, or a constant column)</source>
        <translation>%1 × %2: 정의되지 않음 (두 값이 모두 있는 행이 두 개 미만이거나 상수 열)</translation>
    </message>
    <message>
        <source>%1 × %2: %3</source>
        <translation>%1 × %2: %3</translation>
    </message>
    <message>
        <source>Correlations between the numeric columns appear here.</source>
        <translation>숫자 열 사이의 상관관계가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>The table has no numeric columns to correlate.</source>
        <translation>표에 상관관계를 구할 숫자 열이 없습니다.</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>상관관계</translation>
    </message>
    <message>
        <source>Only the first %1 numeric columns are shown.</source>
        <translation>처음 %1개의 숫자 열만 표시합니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::CostMatrixEditor</name>
    <message>
        <source>What each outcome is worth, e.g. in money (a cost is negative). Lathe picks the decision threshold with the best expected value. Empty means not set.</source>
        <translation>각 결과의 가치(예: 금액, 비용은 음수)입니다. Lathe는 기댓값이 가장 큰 결정 임계값을 고릅니다. 비어 있으면 정하지 않은 것입니다.</translation>
    </message>
    <message>
        <source>Predicted positive</source>
        <translation>양성으로 예측</translation>
    </message>
    <message>
        <source>Predicted negative</source>
        <translation>음성으로 예측</translation>
    </message>
    <message>
        <source>Actually positive</source>
        <translation>실제 양성</translation>
    </message>
    <message>
        <source>Actually negative</source>
        <translation>실제 음성</translation>
    </message>
    <message>
        <source>True positive</source>
        <translation>참 양성</translation>
    </message>
    <message>
        <source>False negative</source>
        <translation>거짓 음성</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>거짓 양성</translation>
    </message>
    <message>
        <source>True negative</source>
        <translation>참 음성</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataFilterBar</name>
    <message>
        <source>Filtering…</source>
        <translation>필터링 중…</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%2행 중 %1행</translation>
    </message>
    <message>
        <source>At character %1: %2</source>
        <translation>%1번째 문자: %2</translation>
    </message>
    <message>
        <source>Filter rows with a formula, e.g. [Body Mass (g)] &gt; 4000 and Species == &quot;Adelie&quot;</source>
        <translation>수식으로 행 필터, 예: [Body Mass (g)] &gt; 4000 and Species == &quot;Adelie&quot;</translation>
    </message>
    <message>
        <source>Press Enter to filter; Esc or the clear button shows every row again. Column names with spaces go in [brackets]; text goes in &quot;quotes&quot;.</source>
        <translation>Enter를 누르면 필터합니다. Esc나 지우기 단추를 누르면 모든 행이 다시 보입니다. 공백이 있는 열 이름은 [대괄호]로, 텍스트는 &quot;따옴표&quot;로 감쌉니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataTableModel</name>
    <message>
        <source>missing</source>
        <translation>결측</translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation>결측값</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n missing</source>
        <translation>
            <numerusform>%1: %2, 결측 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DataTableView</name>
    <message>
        <source>%1 cells are selected; copying is limited to %2. Export the table instead.</source>
        <translation>%1개 셀이 선택되었습니다. 복사는 %2개까지입니다. 대신 표를 내보내세요.</translation>
    </message>
    <message>
        <source>There are no rows to go to.</source>
        <translation>이동할 행이 없습니다.</translation>
    </message>
    <message>
        <source>Row %1 is out of range: enter 1 to %2.</source>
        <translation>%1행은 범위를 벗어납니다. 1부터 %2 사이로 입력하세요.</translation>
    </message>
    <message>
        <source>Row %1 is not in this view (it is filtered out).</source>
        <translation>%1행은 이 보기에 없습니다(필터로 제외됨).</translation>
    </message>
    <message>
        <source>Go to Row</source>
        <translation>행으로 이동</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a row number.</source>
        <translation>&quot;%1&quot;은(는) 행 번호가 아닙니다.</translation>
    </message>
    <message>
        <source>Row (1 to %1):</source>
        <translation>행 (1~%1):</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DecisionTreeView</name>
    <message>
        <source>Zoom In</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit Tree to View</source>
        <translation>트리를 화면에 맞추기</translation>
    </message>
    <message>
        <source>Export Tree…</source>
        <translation>트리 내보내기…</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>리프</translation>
    </message>
    <message>
        <source>samples %1</source>
        <translation>샘플 %1</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>평균 %1</translation>
    </message>
    <message>
        <source>predicts %1 (%2%)</source>
        <translation>예측 %1 (%2%)</translation>
    </message>
    <message>
        <source>Leaf at depth %1</source>
        <translation>깊이 %1의 리프</translation>
    </message>
    <message>
        <source>Split: %1</source>
        <translation>분할: %1</translation>
    </message>
    <message>
        <source>Training rows: %1</source>
        <translation>학습 행: %1</translation>
    </message>
    <message>
        <source>Impurity: %1</source>
        <translation>불순도: %1</translation>
    </message>
    <message>
        <source>Mean of %1: %2</source>
        <translation>%1의 평균: %2</translation>
    </message>
    <message>
        <source>%1: %2% (%3 rows)</source>
        <translation>%1: %2% (%3행)</translation>
    </message>
    <message>
        <source>Predicts: %1</source>
        <translation>예측: %1</translation>
    </message>
    <message>
        <source>Missing values go left (%1)</source>
        <translation>결측값은 왼쪽으로 (%1)</translation>
    </message>
    <message>
        <source>Missing values go right (%1)</source>
        <translation>결측값은 오른쪽으로 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Double-click to fold the %n nodes below</source>
        <translation>
            <numerusform>두 번 클릭하면 아래 노드 %n개를 접습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes folded here; double-click to show them</source>
        <translation>
            <numerusform>노드 %n개가 접혀 있습니다. 두 번 클릭하면 펼쳐집니다</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>%1 nodes, %2 leaves, depth %3</source>
        <translation>노드 %1개, 리프 %2개, 깊이 %3</translation>
    </message>
    <message>
        <source>Bars: the mean of %1, from %2 to %3</source>
        <translation>막대: %1의 평균 (%2 ~ %3)</translation>
    </message>
    <message>
        <source>+1 leaf</source>
        <translation>+리프 1개</translation>
    </message>
    <message numerus="yes">
        <source>+%n nodes</source>
        <translation>
            <numerusform>+노드 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>No tree to show. Pick a run of a decision tree to see its splits here.</source>
        <translation>표시할 트리가 없습니다. 의사결정나무 실행을 선택하면 여기에 분할이 표시됩니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a file ending in .png, .svg or .pdf.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 확장자가 .png, .svg, .pdf인 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Cannot export to %1: there is no tree to export.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 내보낼 트리가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation>%1(으)로 내보낼 수 없습니다: %2 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the folder is not writable.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 폴더에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Decision tree</source>
        <translation>의사결정나무</translation>
    </message>
    <message>
        <source>Cannot export to %1: the tree could not be drawn into the file.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 트리를 파일에 그릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the existing file could not be replaced.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 기존 파일을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot export to %1: the file could not be written.</source>
        <translation>%1(으)로 내보낼 수 없습니다: 파일을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Export Tree</source>
        <translation>트리 내보내기</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DeployPanel</name>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>카나리</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>New Endpoint…</source>
        <translation>새 엔드포인트…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>포트 </translation>
    </message>
    <message>
        <source>The server listens on 127.0.0.1 only: other machines cannot reach it.</source>
        <translation>서버는 127.0.0.1에서만 수신합니다. 다른 컴퓨터에서는 접속할 수 없습니다.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Clients send it as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>클라이언트는 &quot;Authorization: Bearer TOKEN&quot; 형식으로 보냅니다.</translation>
    </message>
    <message>
        <source>Copy Token</source>
        <translation>토큰 복사</translation>
    </message>
    <message>
        <source>New Token</source>
        <translation>새 토큰</translation>
    </message>
    <message>
        <source>Variants and traffic</source>
        <translation>변형과 트래픽</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Step Up Canary</source>
        <translation>카나리 단계 올리기</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>롤백</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>승격</translation>
    </message>
    <message>
        <source>Canary Settings…</source>
        <translation>카나리 설정…</translation>
    </message>
    <message>
        <source>Compare Variants…</source>
        <translation>변형 비교…</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>변경 기록</translation>
    </message>
    <message>
        <source>No endpoints yet. Register a model in the Models panel, then click New Endpoint… to serve it over HTTP on this computer.</source>
        <translation>아직 엔드포인트가 없습니다. 모델 패널에서 모델을 등록한 다음 새 엔드포인트…를 눌러 이 컴퓨터에서 HTTP로 제공하세요.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>What the endpoint logs, the column that keys a row&apos;s variant, and how long the log is kept.</source>
        <translation>엔드포인트가 기록하는 내용, 행의 변형을 정하는 키 열, 로그를 보관하는 기간입니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::DistributionOverlayChart</name>
    <message>
        <source>Select a feature in the table to compare its distribution with the baseline.</source>
        <translation>표에서 특성을 선택하면 그 분포를 기준선과 비교합니다.</translation>
    </message>
    <message>
        <source>No distribution to compare for this feature.</source>
        <translation>이 특성에는 비교할 분포가 없습니다.</translation>
    </message>
    <message>
        <source>No distribution to compare: %1</source>
        <translation>비교할 분포가 없습니다: %1</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>기준선</translation>
    </message>
    <message>
        <source>This batch</source>
        <translation>이번 배치</translation>
    </message>
    <message>
        <source>Share of rows (%)</source>
        <translation>행 비율(%)</translation>
    </message>
    <message>
        <source>Baseline %1 · this batch %2</source>
        <translation>기준선 %1 · 이번 배치 %2</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::EndpointSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>%1 설정</translation>
    </message>
    <message>
        <source>The share of requests whose inputs and answers are kept for monitoring and A/B results.</source>
        <translation>모니터링과 A/B 결과를 위해 입력과 응답을 보관할 요청의 비율입니다.</translation>
    </message>
    <message>
        <source>none: each request goes to a random variant</source>
        <translation>없음: 요청마다 무작위 변형으로 보냄</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Keep every request</source>
        <translation>모든 요청 보관</translation>
    </message>
    <message>
        <source>A running server follows these within a second.</source>
        <translation>실행 중인 서버는 1초 안에 이 설정을 따릅니다.</translation>
    </message>
    <message>
        <source>Log in full:</source>
        <translation>전체 기록 비율:</translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation>키 열:</translation>
    </message>
    <message>
        <source>Keep the log for:</source>
        <translation>로그 보관 기간:</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ExperimentsPanel</name>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>실행 %n회</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>실행 %n회 중 %1회</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>&amp;Tags, separated by commas:</source>
        <translation>태그(쉼표로 구분)(&amp;T):</translation>
    </message>
    <message>
        <source>Search runs by name, algorithm, task or tag…</source>
        <translation>이름, 알고리즘, 작업, 태그로 실행 검색…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Choose the columns the table shows</source>
        <translation>표에 보일 열을 고릅니다</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Compare the selected runs side by side (select two or more)</source>
        <translation>선택한 실행을 나란히 비교합니다(둘 이상 선택)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>태그…</translation>
    </message>
    <message>
        <source>Edit the tags of the selected run</source>
        <translation>선택한 실행의 태그를 편집합니다</translation>
    </message>
    <message>
        <source>Mark as Candidate</source>
        <translation>후보로 지정</translation>
    </message>
    <message>
        <source>The candidate is the run chosen for deployment; a project has at most one</source>
        <translation>후보는 배포하기로 고른 실행이며, 프로젝트마다 하나까지입니다</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected runs (Undo brings them back)</source>
        <translation>선택한 실행을 삭제합니다(실행 취소로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행이 없습니다</translation>
    </message>
    <message>
        <source>Train a model in the Training panel; every training is recorded here.</source>
        <translation>학습 패널에서 모델을 학습하세요. 모든 학습이 여기에 기록됩니다.</translation>
    </message>
    <message>
        <source>Register Model…</source>
        <translation>모델 등록…</translation>
    </message>
    <message>
        <source>Register the selected run&apos;s model as a new version in the Models dock</source>
        <translation>선택한 실행의 모델을 모델 패널에 새 버전으로 등록합니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureDriftTableModel</name>
    <message>
        <source>%1 of %2 rows missing</source>
        <translation>%2행 중 %1행 결측</translation>
    </message>
    <message>
        <source>PSI run by run, oldest first: %1</source>
        <translation>실행별 PSI(오래된 순): %1</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>KS for numbers, chi-square for categories; a dash when the feature is not tested</source>
        <translation>숫자는 KS, 범주는 카이제곱으로 검정합니다. 검정하지 않는 특성은 대시로 표시합니다</translation>
    </message>
    <message>
        <source>The test&apos;s statistic: KS D, or the chi-square statistic</source>
        <translation>검정 통계량: KS의 D 또는 카이제곱 통계량</translation>
    </message>
    <message>
        <source>Population stability index: below 0.1 little change, above 0.2 a large shift</source>
        <translation>모집단 안정성 지수(PSI): 0.1 미만은 변화가 작고, 0.2 초과는 큰 변화입니다</translation>
    </message>
    <message>
        <source>The share of the batch&apos;s rows without a value</source>
        <translation>배치에서 값이 없는 행의 비율</translation>
    </message>
    <message>
        <source>The feature&apos;s PSI over every run of the schedule; the faint line is its threshold</source>
        <translation>일정의 모든 실행에 걸친 이 특성의 PSI입니다. 흐린 선은 임계값입니다</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>검정</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>통계량</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-값</translation>
    </message>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>드리프트</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>결측</translation>
    </message>
    <message>
        <source>History</source>
        <translation>추이</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureImportanceChart</name>
    <message>
        <source>Importance: %1</source>
        <translation>중요도: %1</translation>
    </message>
    <message>
        <source>Select a run to see which features its model relies on most.</source>
        <translation>실행을 선택하면 모델이 가장 많이 의존하는 특성을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The run has no feature importances.</source>
        <translation>이 실행에는 특성 중요도가 없습니다.</translation>
    </message>
    <message>
        <source>Top %1 of %2 features</source>
        <translation>특성 %2개 중 상위 %1개</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>중요도</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::FeatureTargetChart</name>
    <message>
        <source>Choose a feature and a target to see how they relate.</source>
        <translation>관계를 볼 특성과 타깃을 고르세요.</translation>
    </message>
    <message>
        <source>No row has both %1 and %2 present.</source>
        <translation>%1과(와) %2이(가) 모두 있는 행이 없습니다.</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>클래스 %1</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <source>Share of rows (%)</source>
        <translation>행 비율 (%)</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 ~ %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <translation>%1: %3 중 %2 (%4%)</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::GroupRatesChart</name>
    <message>
        <source>Groups of %1</source>
        <translation>%1 그룹</translation>
    </message>
    <message>
        <source>No bias report for this run.
Edit Schedule… sets a model and a sensitive attribute.</source>
        <translation>이 실행에는 편향 보고서가 없습니다.
일정 편집…에서 모델과 민감 속성을 지정하세요.</translation>
    </message>
    <message>
        <source>No groups of %1 in this batch.</source>
        <translation>이번 배치에는 %1 그룹이 없습니다.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <source>Positive rate</source>
        <translation>양성 비율</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>백분율</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2행</translation>
    </message>
    <message>
        <source>Positive rate %1</source>
        <translation>양성 비율 %1</translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>재현율 %1</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::HistogramChart</name>
    <message>
        <source>Select a column to see its distribution.</source>
        <translation>열을 선택하면 분포를 봅니다.</translation>
    </message>
    <message>
        <source>The column has no rows.</source>
        <translation>열에 행이 없습니다.</translation>
    </message>
    <message>
        <source>All %1 values are missing.</source>
        <translation>값 %1개가 모두 결측입니다.</translation>
    </message>
    <message>
        <source>No finite values to draw.</source>
        <translation>그릴 유한한 값이 없습니다.</translation>
    </message>
    <message>
        <source>No values to draw.</source>
        <translation>그릴 값이 없습니다.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a histogram bin: from, to</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>결측 %1</translation>
    </message>
    <message>
        <source>%1 infinite, not drawn</source>
        <translation>무한대 %1개, 그리지 않음</translation>
    </message>
    <message>
        <source>Other (%1 more values)</source>
        <translation>기타 (값 %1개 더)</translation>
    </message>
    <message>
        <source>%1 rows (%2%3 of the values present)</source>
        <translation>%1행 (있는 값의 %2%3)</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::HyperparameterForm</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>From %1 to %2.</source>
        <translation>%1부터 %2까지.</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>기본값: %1</translation>
    </message>
    <message>
        <source>%1: not a number</source>
        <translation>%1: 숫자가 아닙니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::InsightsPanel</name>
    <message>
        <source>Analysing…</source>
        <translation>분석 중…</translation>
    </message>
    <message>
        <source>Checking every column; on millions of rows this takes a few seconds.</source>
        <translation>모든 열을 확인하는 중입니다. 수백만 행이면 몇 초 걸립니다.</translation>
    </message>
    <message>
        <source>No insights yet</source>
        <translation>아직 인사이트가 없습니다</translation>
    </message>
    <message>
        <source>Open a dataset to check it for missing values, duplicate rows and constant or identifier columns. Pick a target to check class balance and leakage too.</source>
        <translation>데이터셋을 열면 결측값, 중복 행, 상수 열이나 식별자 열을 확인합니다. 타깃을 고르면 클래스 균형과 누수도 확인합니다.</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>문제를 찾지 못했습니다</translation>
    </message>
    <message>
        <source>Pick a target to check class balance and leakage too.</source>
        <translation>타깃을 고르면 클래스 균형과 누수도 확인합니다.</translation>
    </message>
    <message>
        <source>No missing values, duplicates, imbalance or leakage in these rows.</source>
        <translation>이 행들에는 결측값, 중복, 불균형, 누수가 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>타깃(&amp;T):</translation>
    </message>
    <message>
        <source>(no target)</source>
        <translation>(타깃 없음)</translation>
    </message>
    <message>
        <source>The column a model will predict: class imbalance and target leakage are checked against it</source>
        <translation>모델이 예측할 열입니다. 클래스 불균형과 타깃 누수를 이 열에 대해 확인합니다</translation>
    </message>
    <message>
        <source>Adds this step to the recipe; Undo takes it back</source>
        <translation>이 단계를 레시피에 추가합니다. 실행 취소로 되돌릴 수 있습니다</translation>
    </message>
    <message>
        <source>%1 has the same value in every row: “%2”</source>
        <translation>%1은(는) 모든 행의 값이 같습니다: “%2”</translation>
    </message>
    <message>
        <source>%1: %2 of values are “%3”</source>
        <translation>%1: 값의 %2가 “%3”입니다</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln distinct values (%2 of the rows with a value)</source>
        <translation>
            <numerusform>%1에 고유값이 %Ln개 있습니다 (값이 있는 행의 %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows repeat an earlier row (%1 of all rows)</source>
        <translation>
            <numerusform>%Ln행이 앞의 행과 같습니다 (전체 행의 %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of values are missing (%Ln rows)</source>
        <translation>
            <numerusform>%1: 값의 %2가 결측입니다 (%Ln행)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is imbalanced: its rarest class “%2” has %3 of the rows (%Ln rows)</source>
        <translation>
            <numerusform>%1이(가) 불균형합니다: 가장 드문 클래스 “%2”가 행의 %3입니다 (%Ln행)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predicts %2 almost perfectly (score %3): possible target leakage</source>
        <translation>%1이(가) %2을(를) 거의 완벽하게 예측합니다 (점수 %3): 타깃 누수일 수 있습니다</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>타깃</translation>
    </message>
    <message>
        <source>A column with one value tells a model nothing; it only costs time and memory.</source>
        <translation>값이 하나뿐인 열은 모델에 아무것도 알려 주지 않고 시간과 메모리만 씁니다.</translation>
    </message>
    <message>
        <source>Almost every row holds the same value, so the column carries little information and its few other values may be noise.</source>
        <translation>거의 모든 행의 값이 같아서 열에 정보가 적고, 드문 다른 값은 잡음일 수 있습니다.</translation>
    </message>
    <message>
        <source>A different value in almost every row (an ID, a name, free text) lets a model memorise rows instead of learning, and one-hot encoding it makes thousands of columns.</source>
        <translation>거의 모든 행의 값이 다르면(ID, 이름, 자유 텍스트) 모델이 학습 대신 행을 외우고, 원-핫 인코딩하면 열이 수천 개 생깁니다.</translation>
    </message>
    <message>
        <source>Repeated rows count some examples twice; split between training and test rows they make scores look better than they are.</source>
        <translation>중복 행은 일부 예제를 두 번 셉니다. 학습 행과 테스트 행에 나뉘면 점수가 실제보다 좋아 보입니다.</translation>
    </message>
    <message>
        <source>Most models cannot use a missing value. Filling keeps the rows; a column missing in most rows is better dropped.</source>
        <translation>대부분의 모델은 결측값을 쓰지 못합니다. 채우면 행이 남고, 대부분의 행에서 결측인 열은 버리는 편이 낫습니다.</translation>
    </message>
    <message>
        <source>With a rare class a model can score well by never predicting it. Judge it by balanced accuracy or F1, and sample with stratification.</source>
        <translation>드문 클래스가 있으면 모델이 그 클래스를 전혀 예측하지 않고도 좋은 점수를 받을 수 있습니다. 균형 정확도나 F1로 평가하고 층화 표본을 쓰세요.</translation>
    </message>
    <message>
        <source>A column that gives the answer away is often recorded after the outcome: a model trained with it fails on new data. Check where the column comes from before training.</source>
        <translation>답을 알려 주는 열은 결과가 나온 뒤에 기록된 경우가 많아, 그 열로 학습한 모델은 새 데이터에서 실패합니다. 학습 전에 열의 출처를 확인하세요.</translation>
    </message>
    <message>
        <source>Drop column</source>
        <translation>열 삭제</translation>
    </message>
    <message>
        <source>Drop duplicate rows</source>
        <translation>중복 행 삭제</translation>
    </message>
    <message>
        <source>Drop rows without a value</source>
        <translation>값이 없는 행 삭제</translation>
    </message>
    <message>
        <source>Fill with median</source>
        <translation>중앙값으로 채우기</translation>
    </message>
    <message>
        <source>Fill with mean</source>
        <translation>평균으로 채우기</translation>
    </message>
    <message>
        <source>Fill with most frequent</source>
        <translation>최빈값으로 채우기</translation>
    </message>
    <message>
        <source>Fill missing values</source>
        <translation>결측값 채우기</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>고치기</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::JobLogView</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작됨</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패함</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::JobStatusWidget</name>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(외 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel all running jobs</source>
        <translation>실행 중인 모든 작업 취소</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 취소</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::KpiEditor</name>
    <message>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>방향:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>목표값:</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>높을수록 좋음</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>낮을수록 좋음</translation>
    </message>
    <message>
        <source>Choose a metric</source>
        <translation>지표 선택</translation>
    </message>
    <message>
        <source>The metric every run is judged by, as scikit-learn names it</source>
        <translation>모든 실행을 평가하는 지표(scikit-learn 이름 그대로)</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>목표값 없음</translation>
    </message>
    <message>
        <source>The value that counts as success, e.g. 0.85; leave empty for none</source>
        <translation>성공으로 보는 값(예: 0.85). 없으면 비워 두세요</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::LearningCurveChart</name>
    <message>
        <source>Train with &quot;Draw the learning curve&quot; on to see whether more data would help.</source>
        <translation>&quot;학습 곡선 그리기&quot;를 켜고 학습하면 데이터가 더 있으면 도움이 될지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (validation)</source>
        <translation>%1 (검증)</translation>
    </message>
    <message>
        <source>%1 (train)</source>
        <translation>%1 (학습)</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>학습 행 수</translation>
    </message>
    <message>
        <source>%1
%2 rows: %3</source>
        <translation>%1
%2행: %3</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelComparisonView</name>
    <message>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>This version</source>
        <translation>이 버전</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>Compare with production</source>
        <translation>운영 버전과 비교</translation>
    </message>
    <message>
        <source>Select a version in the list above to see it beside the version in production.</source>
        <translation>목록에서 버전을 선택하면 운영 중인 버전과 나란히 보여 줍니다.</translation>
    </message>
    <message>
        <source>%1 against production</source>
        <translation>%1 대 운영 버전</translation>
    </message>
    <message>
        <source>No version of “%1” is in production yet. Set Alias… › production puts one there.</source>
        <translation>“%1”의 운영 버전이 아직 없습니다. 별칭 지정… › 운영으로 하나를 올리세요.</translation>
    </message>
    <message>
        <source>%1 is in production</source>
        <translation>%1은(는) 운영 중입니다</translation>
    </message>
    <message>
        <source>This is the version in production; select another version of “%1” to compare.</source>
        <translation>운영 중인 버전입니다. 비교하려면 “%1”의 다른 버전을 선택하세요.</translation>
    </message>
    <message>
        <source>v%1 against production v%2 of “%3”</source>
        <translation>“%3”의 v%1 대 운영 버전 v%2</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>v%1 (production)</source>
        <translation>v%1 (운영)</translation>
    </message>
    <message>
        <source>Green: this version does better than production on that metric; red: worse.</source>
        <translation>초록색: 그 지표에서 이 버전이 운영 버전보다 낫습니다. 빨간색: 더 나쁩니다.</translation>
    </message>
    <message>
        <source>Better: higher is better for this metric</source>
        <translation>더 나음: 이 지표는 높을수록 좋습니다</translation>
    </message>
    <message>
        <source>Worse: higher is better for this metric</source>
        <translation>더 나쁨: 이 지표는 높을수록 좋습니다</translation>
    </message>
    <message>
        <source>Better: lower is better for this metric</source>
        <translation>더 나음: 이 지표는 낮을수록 좋습니다</translation>
    </message>
    <message>
        <source>Worse: lower is better for this metric</source>
        <translation>더 나쁨: 이 지표는 낮을수록 좋습니다</translation>
    </message>
    <message numerus="yes">
        <source>Input columns: the same %n columns in both.</source>
        <translation>
            <numerusform>입력 열: 두 버전 모두 같은 %n개 열입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) only in this version</source>
        <translation>%1 (%2) 이 버전에만 있음</translation>
    </message>
    <message>
        <source>%1 (%2) only in production</source>
        <translation>%1 (%2) 운영 버전에만 있음</translation>
    </message>
    <message>
        <source>%1 is %2 here, %3 in production</source>
        <translation>%1: 이 버전은 %2, 운영 버전은 %3</translation>
    </message>
    <message>
        <source>Input columns differ: %1.</source>
        <translation>입력 열이 다릅니다: %1.</translation>
    </message>
    <message>
        <source>Training data: unknown for one of them (a pipeline&apos;s run keeps no dataset hash).</source>
        <translation>학습 데이터: 한쪽은 알 수 없습니다 (파이프라인 실행은 데이터셋 해시를 남기지 않습니다).</translation>
    </message>
    <message>
        <source>Training data: the same (hash %1…).</source>
        <translation>학습 데이터: 같음 (해시 %1…).</translation>
    </message>
    <message>
        <source>Training data: different (hash %1… here, %2… in production).</source>
        <translation>학습 데이터: 다름 (이 버전 해시 %1…, 운영 버전 %2…).</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelJobRow</name>
    <message>
        <source>Open Folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelVersionTableModel</name>
    <message>
        <source>production</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>후보</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>v%1 in production</source>
        <translation>v%1 운영 중</translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>버전 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model “%1”: %n versions</source>
        <translation>
            <numerusform>모델 “%1”: 버전 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered from run #%1</source>
        <translation>실행 #%1에서 등록함</translation>
    </message>
    <message>
        <source>The run is not recorded</source>
        <translation>실행이 기록되어 있지 않습니다</translation>
    </message>
    <message>
        <source>The version has no %1 score</source>
        <translation>이 버전에는 %1 점수가 없습니다</translation>
    </message>
    <message>
        <source>%1 on the %2 split</source>
        <translation>%2 분할의 %1</translation>
    </message>
    <message>
        <source>A probability at or above it decides for the positive class (chosen from the project&apos;s costs)</source>
        <translation>확률이 이 값 이상이면 양성 클래스로 결정합니다 (프로젝트의 비용 행렬로 정함)</translation>
    </message>
    <message>
        <source>%1, trained to predict %2</source>
        <translation>%1, %2 예측용으로 학습됨</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Model / version</source>
        <translation>모델 / 버전</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>별칭</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록 시각</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ModelsPanel</name>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>모델 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>버전 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model to see every move of its aliases.</source>
        <translation>모델을 선택하면 별칭이 옮겨진 모든 이력을 보여 줍니다.</translation>
    </message>
    <message>
        <source>No alias of “%1” has moved yet.</source>
        <translation>“%1”의 별칭은 아직 옮겨진 적이 없습니다.</translation>
    </message>
    <message>
        <source>Every move of the aliases of “%1”, newest first.</source>
        <translation>“%1”의 별칭 변경 이력, 최신순.</translation>
    </message>
    <message>
        <source>Set Alias…</source>
        <translation>별칭 지정…</translation>
    </message>
    <message>
        <source>Make the selected version the candidate, put it in production or archive it, with a reason</source>
        <translation>선택한 버전을 이유와 함께 후보로 지정하거나, 운영에 올리거나, 보관합니다</translation>
    </message>
    <message>
        <source>Compare with Production</source>
        <translation>운영 버전과 비교</translation>
    </message>
    <message>
        <source>The selected version&apos;s metrics, input columns and training data beside the production version&apos;s</source>
        <translation>선택한 버전의 지표, 입력 열, 학습 데이터를 운영 버전과 나란히 보여 줍니다</translation>
    </message>
    <message>
        <source>Score a File…</source>
        <translation>파일 예측…</translation>
    </message>
    <message>
        <source>Predict every row of a CSV or ARFF file with the selected version and write the answers to a CSV file</source>
        <translation>선택한 버전으로 CSV나 ARFF 파일의 모든 행을 예측해 CSV 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Export Bundle…</source>
        <translation>번들 내보내기…</translation>
    </message>
    <message>
        <source>Save the selected version as a portable .lathemodel file that lathe serve loads on another machine</source>
        <translation>선택한 버전을 다른 컴퓨터의 lathe serve가 불러올 수 있는 이식 가능한 .lathemodel 파일로 저장합니다</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Every move of the selected model&apos;s aliases, with its time and reason</source>
        <translation>선택한 모델의 별칭 변경 이력을 시각과 이유와 함께 보여 줍니다</translation>
    </message>
    <message>
        <source>Alias History</source>
        <translation>별칭 이력</translation>
    </message>
    <message>
        <source>No registered models yet</source>
        <translation>등록된 모델이 아직 없습니다</translation>
    </message>
    <message>
        <source>Register a run&apos;s model from the Experiments table: right-click › Register Model… Each registration is a new, unchangeable version you can score files with, compare and put in production.</source>
        <translation>실험 표에서 실행의 모델을 등록하세요: 마우스 오른쪽 버튼 › 모델 등록… 등록할 때마다 바꿀 수 없는 새 버전이 생기며, 그 버전으로 파일을 예측하고 비교하고 운영에 올릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Score a Dataset…</source>
        <translation>데이터셋 예측…</translation>
    </message>
    <message>
        <source>Predict every row of one of the project&apos;s datasets with the selected version and write the answers to a CSV file</source>
        <translation>선택한 버전으로 프로젝트 데이터셋의 모든 행을 예측하고 결과를 CSV 파일에 씁니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorAlertBanner</name>
    <message>
        <source>Train the model again on new data and compare it with the live one</source>
        <translation>새 데이터로 모델을 다시 학습하고 운영 중인 모델과 비교합니다</translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation>재학습…</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorPanel</name>
    <message>
        <source>%1 (paused)</source>
        <translation>%1(일시 중지됨)</translation>
    </message>
    <message>
        <source>Set the schedule&apos;s model in Edit Schedule… to retrain it</source>
        <translation>재학습하려면 일정 편집…에서 일정의 모델을 지정하세요</translation>
    </message>
    <message>
        <source>Train the model again on new data and compare it with the live one</source>
        <translation>새 데이터로 모델을 다시 학습하고 운영 중인 모델과 비교합니다</translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation>일정(&amp;S):</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>지금 실행</translation>
    </message>
    <message>
        <source>Compare the schedule&apos;s batch with its baseline now</source>
        <translation>일정의 배치를 지금 기준선과 비교합니다</translation>
    </message>
    <message>
        <source>New Schedule…</source>
        <translation>새 일정…</translation>
    </message>
    <message>
        <source>Choose a baseline, where new data comes from, the model to watch and how often to check</source>
        <translation>기준선, 새 데이터를 가져올 곳, 지켜볼 모델, 검사 주기를 정합니다</translation>
    </message>
    <message>
        <source>Edit Schedule…</source>
        <translation>일정 편집…</translation>
    </message>
    <message>
        <source>Change the selected schedule&apos;s data, model, labels or interval</source>
        <translation>선택한 일정의 데이터, 모델, 레이블, 주기를 바꿉니다</translation>
    </message>
    <message>
        <source>New Baseline…</source>
        <translation>새 기준선…</translation>
    </message>
    <message>
        <source>Record the statistics of the training data, which new data is compared with</source>
        <translation>새 데이터와 비교할 학습 데이터의 통계를 기록합니다</translation>
    </message>
    <message>
        <source>Edit Constraints…</source>
        <translation>제약 조건 편집…</translation>
    </message>
    <message>
        <source>What new data must satisfy: types, missing values, ranges, categories, drift thresholds</source>
        <translation>새 데이터가 지켜야 할 조건: 유형, 결측값, 범위, 범주, 드리프트 임계값</translation>
    </message>
    <message>
        <source>Compare a File…</source>
        <translation>파일 비교…</translation>
    </message>
    <message>
        <source>Compare any CSV, ARFF or JSON file with a baseline once, without a schedule</source>
        <translation>일정 없이 CSV, ARFF, JSON 파일을 기준선과 한 번 비교합니다</translation>
    </message>
    <message>
        <source>Retrain…</source>
        <translation>재학습…</translation>
    </message>
    <message>
        <source>Nothing to monitor yet</source>
        <translation>아직 모니터링할 대상이 없습니다</translation>
    </message>
    <message>
        <source>No baseline yet. Create one from the training dataset: New Baseline… It records what the data looked like, so new data can be compared with it.</source>
        <translation>아직 기준선이 없습니다. 학습 데이터셋으로 만드세요: 새 기준선… 기준선은 데이터가 어떤 모습이었는지 기록해 두어 새 데이터와 비교할 수 있게 합니다.</translation>
    </message>
    <message>
        <source>No monitoring schedule</source>
        <translation>모니터링 일정 없음</translation>
    </message>
    <message>
        <source>A baseline is ready. Say which new data to compare with it, which model to watch and how often: New Schedule…</source>
        <translation>기준선이 준비되었습니다. 어떤 새 데이터를 비교할지, 어떤 모델을 지켜볼지, 얼마나 자주 검사할지 정하세요: 새 일정…</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행이 없습니다</translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation>아직 실행이 없습니다. 지금 실행을 누르면 배치를 기준선과 비교합니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::MonitorRunView</name>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>%1 · PSI %2</source>
        <translation>%1 · PSI %2</translation>
    </message>
    <message>
        <source>%1 rows · drifted: %2 of %3 features · violations: %4</source>
        <translation>%1행 · 드리프트: 특성 %3개 중 %2개 · 위반: %4건</translation>
    </message>
    <message>
        <source>batch %1 – %2</source>
        <translation>배치 %1 – %2</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>실행(&amp;U):</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>분포</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>위반</translation>
    </message>
    <message>
        <source>Model quality</source>
        <translation>모델 품질</translation>
    </message>
    <message>
        <source>Bias and attributions</source>
        <translation>편향과 기여도</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NewBaselineDialog</name>
    <message>
        <source>New Baseline</source>
        <translation>새 기준선</translation>
    </message>
    <message>
        <source>e.g. churn at training</source>
        <translation>예: 학습 시점의 이탈 예측</translation>
    </message>
    <message>
        <source>A baseline records what the training data looked like, column by column, and suggests the limits new data is checked against. With a model, it also records what the model predicted and which features moved it most.</source>
        <translation>기준선은 학습 데이터가 열마다 어떤 모습이었는지 기록하고, 새 데이터를 검사할 한계값을 제안합니다. 모델을 함께 지정하면 모델이 무엇을 예측했는지, 어떤 특성이 예측을 가장 크게 움직였는지도 기록합니다.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation>학습 데이터:</translation>
    </message>
    <message>
        <source>Model (optional):</source>
        <translation>모델(선택):</translation>
    </message>
    <message>
        <source>Sensitive attribute (optional):</source>
        <translation>민감 속성(선택):</translation>
    </message>
    <message>
        <source>Create Baseline</source>
        <translation>기준선 만들기</translation>
    </message>
    <message>
        <source>%1 at training</source>
        <translation>학습 시점의 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Give the baseline a name.</source>
        <translation>기준선의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Choose the training data: import a dataset into the project first.</source>
        <translation>학습 데이터를 고르세요. 먼저 프로젝트에 데이터 세트를 가져와야 합니다.</translation>
    </message>
    <message>
        <source>Bias is measured on a model&apos;s decisions: choose the model too, or no sensitive attribute.</source>
        <translation>편향은 모델의 결정으로 측정합니다. 모델도 고르거나, 민감 속성을 비워 두세요.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NewEndpointDialog</name>
    <message>
        <source>New Endpoint</source>
        <translation>새 엔드포인트</translation>
    </message>
    <message>
        <source>e.g. credit-risk</source>
        <translation>예: credit-risk</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>모델 버전</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>카나리</translation>
    </message>
    <message>
        <source>none: each request goes to a random variant</source>
        <translation>없음: 요청마다 무작위 변형으로 보냄</translation>
    </message>
    <message>
        <source>The share of requests whose inputs and answers are kept for monitoring and A/B results.</source>
        <translation>모니터링과 A/B 결과를 위해 입력과 응답을 보관할 요청의 비율입니다.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation>키 열:</translation>
    </message>
    <message>
        <source>Log in full:</source>
        <translation>전체 기록 비율:</translation>
    </message>
    <message>
        <source>Versions and their share of the traffic (the weights sum to 1):</source>
        <translation>버전과 트래픽 비율(가중치 합계는 1):</translation>
    </message>
    <message>
        <source>Give the endpoint a name: it becomes part of its address.</source>
        <translation>엔드포인트 이름을 지정하세요. 주소의 일부가 됩니다.</translation>
    </message>
    <message>
        <source>Give at least one version a weight.</source>
        <translation>적어도 한 버전에 가중치를 지정하세요.</translation>
    </message>
    <message>
        <source>The weights sum to %1; they must sum to 1.</source>
        <translation>가중치 합계가 %1입니다. 합계는 1이어야 합니다.</translation>
    </message>
    <message>
        <source>Only one version can be the canary.</source>
        <translation>카나리는 한 버전만 될 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NodeEditingBanner</name>
    <message>
        <source>Editing the pipeline node “%1”</source>
        <translation>파이프라인 노드 “%1” 편집 중</translation>
    </message>
    <message>
        <source>Apply to node</source>
        <translation>노드에 적용</translation>
    </message>
    <message>
        <source>Save these choices to the node (undoable); the node runs again on the next run</source>
        <translation>이 선택을 노드에 저장합니다(실행 취소 가능). 다음 실행 때 노드가 다시 실행됩니다</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Save what changed to the node and go back to the dataset</source>
        <translation>바뀐 내용을 노드에 저장하고 데이터셋으로 돌아갑니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::NodePalette</name>
    <message>
        <source>Inputs: %1</source>
        <translation>입력: %1</translation>
    </message>
    <message>
        <source>Outputs: %1</source>
        <translation>출력: %1</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add it</source>
        <translation>캔버스로 끌어다 놓아 추가하세요</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ParallelCoordinatesChart</name>
    <message>
        <source>Select runs to compare their hyperparameters.</source>
        <translation>하이퍼파라미터를 비교할 실행을 선택하세요.</translation>
    </message>
    <message>
        <source>These runs have no hyperparameters to compare</source>
        <translation>이 실행들에는 비교할 하이퍼파라미터가 없습니다</translation>
    </message>
    <message>
        <source>%1 (best)</source>
        <comment>the best value of a metric</comment>
        <translation>%1 (최고)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a metric and its split</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Click to colour the lines by this axis</source>
        <translation>클릭하면 이 축의 값으로 선 색을 칠합니다</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>설정 안 됨</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ParameterScoreChart</name>
    <message>
        <source>Pick a hyperparameter to see how it relates to the score.</source>
        <translation>하이퍼파라미터를 고르면 점수와의 관계를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>No scored trial set %1 yet.</source>
        <translation>아직 %1을(를) 설정한 채점된 시행이 없습니다.</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>조기 중단</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>Trial %1 (%2)
%3 = %4
%5: %6</source>
        <translation>시행 %1 (%2)
%3 = %4
%5: %6</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PipelineScene</name>
    <message>
        <source>The pipeline is not ready yet</source>
        <translation>파이프라인이 아직 준비되지 않았습니다</translation>
    </message>
    <message>
        <source>A node cannot feed itself</source>
        <translation>노드는 자기 자신에게 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The output “%1” gives a %2, but the input “%3” takes a %4</source>
        <translation>출력 “%1”은(는) %2을(를) 내보내지만, 입력 “%3”은(는) %4을(를) 받습니다</translation>
    </message>
    <message>
        <source>The input “%1” is already connected</source>
        <translation>입력 “%1”은(는) 이미 연결되어 있습니다</translation>
    </message>
    <message>
        <source>The link would make a cycle</source>
        <translation>이 연결은 순환을 만듭니다</translation>
    </message>
    <message>
        <source>Connect an input to an output</source>
        <translation>입력은 출력에 연결하세요</translation>
    </message>
    <message>
        <source>Connect an output to an input</source>
        <translation>출력은 입력에 연결하세요</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PrCurveChart</name>
    <message>
        <source>%1 (AP %2)</source>
        <comment>a run&apos;s name and its average precision</comment>
        <translation>%1 (AP %2)</translation>
    </message>
    <message>
        <source>threshold %1 · precision %2 · recall %3</source>
        <translation>임곗값 %1 · 정밀도 %2 · 재현율 %3</translation>
    </message>
    <message>
        <source>precision %1 · recall %2</source>
        <translation>정밀도 %1 · 재현율 %2</translation>
    </message>
    <message>
        <source>The selected runs have no precision-recall curve.</source>
        <translation>선택한 실행에 정밀도-재현율 곡선이 없습니다.</translation>
    </message>
    <message>
        <source>Select one or more classification runs to compare their precision-recall curves.</source>
        <translation>분류 실행을 하나 이상 선택하면 정밀도-재현율 곡선을 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::PredictionScatterChart</name>
    <message>
        <source>Compare regression runs to see their predictions against the true values.</source>
        <translation>회귀 실행을 비교하면 예측값을 실제값과 견주어 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제값</translation>
    </message>
    <message>
        <source>Residual (predicted − actual)</source>
        <translation>잔차(예측값 − 실제값)</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>%1
actual %2 · predicted %3</source>
        <translation>%1
실제값 %2 · 예측값 %3</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ProjectOverviewPanel</name>
    <message>
        <source>This project is read-only.</source>
        <translation>이 프로젝트는 읽기 전용입니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>버전 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1에서 만듦</translation>
    </message>
    <message>
        <source>from %1 by recipe %2</source>
        <translation>%1에서 레시피 %2로 만듦</translation>
    </message>
    <message>
        <source>Source file: %1</source>
        <translation>원본 파일: %1</translation>
    </message>
    <message>
        <source>Recipe: %1</source>
        <translation>레시피: %1</translation>
    </message>
    <message>
        <source>Content hash (SHA-256): %1</source>
        <translation>내용 해시(SHA-256): %1</translation>
    </message>
    <message>
        <source>Size in the project: %1</source>
        <translation>프로젝트 내 크기: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>만든 시각: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n datasets</source>
        <translation>
            <numerusform>데이터셋 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>실행 %n회</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>모델 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>“%1” 삭제</translation>
    </message>
    <message>
        <source>Delete Dataset</source>
        <translation>데이터셋 삭제</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <source>Business goal:</source>
        <translation>비즈니스 목표:</translation>
    </message>
    <message>
        <source>KPI:</source>
        <translation>KPI:</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>프로젝트 이름</translation>
    </message>
    <message>
        <source>What this project is about</source>
        <translation>이 프로젝트에 대한 설명</translation>
    </message>
    <message>
        <source>The business goal in your words, e.g. “Flag 80% of churners a month ahead”</source>
        <translation>비즈니스 목표를 직접 적어 주세요. 예: “이탈 고객의 80%를 한 달 먼저 찾아내기”</translation>
    </message>
    <message>
        <source>Saved when you leave the field or press Ctrl+Enter</source>
        <translation>입력란을 벗어나거나 Ctrl+Enter를 누르면 저장됩니다</translation>
    </message>
    <message>
        <source>Decision costs</source>
        <translation>결정 비용</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation>아직 데이터셋이 없습니다</translation>
    </message>
    <message>
        <source>Import data with File &gt; Import Data (Ctrl+I) or drop a file here.</source>
        <translation>파일 &gt; 데이터 가져오기(Ctrl+I)로 데이터를 가져오거나 여기에 파일을 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Show in Data</source>
        <translation>데이터에서 보기</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>v%1</source>
        <comment>a dataset version</comment>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Run AutoML…</source>
        <translation>AutoML 실행…</translation>
    </message>
    <message>
        <source>Try every algorithm on this version within a time budget</source>
        <translation>이 버전에서 제한 시간 안에 모든 알고리즘을 시도합니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::QualityTimelineChart</name>
    <message>
        <source>Model quality by run</source>
        <translation>실행별 모델 품질</translation>
    </message>
    <message>
        <source>%1 by run</source>
        <translation>실행별 %1</translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation>아직 실행이 없습니다. 지금 실행을 누르면 배치를 기준선과 비교합니다.</translation>
    </message>
    <message>
        <source>No model quality yet: it needs the true labels.
Edit Schedule… sets a model and a labels file.</source>
        <translation>아직 모델 품질이 없습니다. 실제 레이블이 있어야 합니다.
일정 편집…에서 모델과 레이블 파일을 지정하세요.</translation>
    </message>
    <message>
        <source>Misses the target</source>
        <translation>목표 미달</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>목표 %1</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>기준선 %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 labelled rows</source>
        <translation>레이블된 행 %1개</translation>
    </message>
    <message>
        <source>Misses the target %1</source>
        <translation>목표 %1에 못 미침</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RecipePanel</name>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>단계 추가</translation>
    </message>
    <message>
        <source>Run the recipe on all rows and store the result as a new version</source>
        <translation>모든 행에 레시피를 실행하고 결과를 새 버전으로 저장합니다</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation>%1. %2 — %3</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RegisterModelDialog</name>
    <message>
        <source>Register Model</source>
        <translation>모델 등록</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>등록</translation>
    </message>
    <message>
        <source>Register the model of run “%1” as a new, unchangeable version: with its recipe, the columns it expects, the training data&apos;s hash and its metrics.</source>
        <translation>실행 “%1”의 모델을 바꿀 수 없는 새 버전으로 등록합니다. 레시피, 입력 열, 학습 데이터 해시, 지표가 함께 저장됩니다.</translation>
    </message>
    <message>
        <source>Model &amp;name:</source>
        <translation>모델 이름(&amp;N):</translation>
    </message>
    <message>
        <source>Give the model a name.</source>
        <translation>모델 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>A model name cannot hold “:” (it separates the version, as in credit:2).</source>
        <translation>모델 이름에는 “:”를 쓸 수 없습니다 (credit:2처럼 버전을 구분하는 데 씁니다).</translation>
    </message>
    <message>
        <source>A model name has at most %1 characters.</source>
        <translation>모델 이름은 최대 %1자입니다.</translation>
    </message>
    <message>
        <source>“%1” exists: this registers its version %2.</source>
        <translation>“%1”이(가) 이미 있습니다. 버전 %2(으)로 등록됩니다.</translation>
    </message>
    <message>
        <source>A new model: this registers its version 1.</source>
        <translation>새 모델입니다. 버전 1로 등록됩니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RetrainDialog</name>
    <message>
        <source>A &amp;file:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>A project &amp;dataset:</source>
        <translation>프로젝트 데이터셋(&amp;D):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>&amp;Append it to the training data</source>
        <translation>학습 데이터에 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Replace the training data with it</source>
        <translation>학습 데이터를 이것으로 교체(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>재학습</translation>
    </message>
    <message>
        <source>Promote to Production</source>
        <translation>운영으로 승격</translation>
    </message>
    <message>
        <source>Keep the Live Model</source>
        <translation>운영 중인 모델 유지</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>CSV, ARFF or JSON file with the target column</source>
        <translation>타깃 열이 있는 CSV, ARFF 또는 JSON 파일</translation>
    </message>
    <message>
        <source>The model learns from the old and the new rows together</source>
        <translation>모델이 기존 행과 새 행을 함께 학습합니다</translation>
    </message>
    <message>
        <source>The model learns from the new rows only: for data that has changed for good</source>
        <translation>모델이 새 행만 학습합니다. 데이터가 완전히 바뀐 경우에 씁니다</translation>
    </message>
    <message>
        <source>Retrain %1</source>
        <translation>%1 재학습</translation>
    </message>
    <message>
        <source>Train the model again with new data, then compare it with the live model on the same holdout rows before anything changes in production.</source>
        <translation>새 데이터로 모델을 다시 학습한 뒤, 운영에 무엇이든 바꾸기 전에 같은 홀드아웃 행에서 운영 중인 모델과 비교합니다.</translation>
    </message>
    <message>
        <source>Choose the file with the new data.</source>
        <translation>새 데이터가 담긴 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Choose the dataset with the new data.</source>
        <translation>새 데이터가 담긴 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>New Training Data</source>
        <translation>새 학습 데이터</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)</source>
        <translation>데이터 파일 (*.csv *.tsv *.txt *.arff *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Retrained</source>
        <translation>재학습 모델</translation>
    </message>
    <message>
        <source>%1 learned from %2 rows of the new data only (%3).</source>
        <translation>%1은(는) 새 데이터(%3)의 %2행만으로 학습했습니다.</translation>
    </message>
    <message>
        <source>%1 learned from %2 rows: the training data and the new data (%3).</source>
        <translation>%1은(는) 학습 데이터와 새 데이터(%3)를 합친 %2행으로 학습했습니다.</translation>
    </message>
    <message>
        <source>Both models were scored on the same %1 holdout rows.</source>
        <translation>두 모델 모두 같은 홀드아웃 %1행으로 평가했습니다.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>운영: %1</translation>
    </message>
    <message>
        <source>live</source>
        <translation>운영 모델</translation>
    </message>
    <message>
        <source>Retrained: %1</source>
        <translation>재학습: %1</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>더 나은 쪽</translation>
    </message>
    <message>
        <source>%1 (KPI)</source>
        <translation>%1(KPI)</translation>
    </message>
    <message>
        <source>retrained</source>
        <translation>재학습 모델</translation>
    </message>
    <message>
        <source>same</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>Holdout rows</source>
        <translation>홀드아웃 행</translation>
    </message>
    <message>
        <source>The retrained model was promoted to production.</source>
        <translation>재학습한 모델을 운영으로 승격했습니다.</translation>
    </message>
    <message>
        <source>The live model was kept.</source>
        <translation>운영 중인 모델을 유지했습니다.</translation>
    </message>
    <message>
        <source>The models have no metric in common to compare on.</source>
        <translation>두 모델에 비교할 공통 지표가 없습니다.</translation>
    </message>
    <message>
        <source>Both models score %1 on %2: keeping the live model changes nothing.</source>
        <translation>두 모델의 %2 점수가 %1로 같습니다. 운영 중인 모델을 유지해도 달라지는 것이 없습니다.</translation>
    </message>
    <message>
        <source>The retrained model is better on %1: %2 against %3.</source>
        <translation>재학습한 모델이 %1에서 더 낫습니다: %3 대비 %2.</translation>
    </message>
    <message>
        <source>The live model is still better on %1: %2 against %3.</source>
        <translation>운영 중인 모델이 %1에서 여전히 더 낫습니다: %3 대비 %2.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RocCurveChart</name>
    <message>
        <source>%1 (AUC %2)</source>
        <comment>a run&apos;s name and its area under the ROC curve</comment>
        <translation>%1 (AUC %2)</translation>
    </message>
    <message>
        <source>threshold %1 · TPR %2 · FPR %3</source>
        <translation>임곗값 %1 · TPR %2 · FPR %3</translation>
    </message>
    <message>
        <source>TPR %1 · FPR %2</source>
        <translation>TPR %1 · FPR %2</translation>
    </message>
    <message>
        <source>The selected runs have no ROC curve.</source>
        <translation>선택한 실행에 ROC 곡선이 없습니다.</translation>
    </message>
    <message>
        <source>Select one or more classification runs to compare their ROC curves.</source>
        <translation>분류 실행을 하나 이상 선택하면 ROC 곡선을 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>거짓 양성률</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>참 양성률</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunComparisonPanel</name>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>ROC curves</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>정밀도–재현율</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>보고서 내보내기…</translation>
    </message>
    <message>
        <source>Select two or more runs in Experiments and click Compare.</source>
        <translation>실험에서 실행을 두 개 이상 선택하고 비교를 누르세요.</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s): %1</source>
        <translation>
            <numerusform>실행 %n회 비교: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Overfit: it scores much better on the rows it learned from; more data or a simpler model should help.</source>
        <translation>과적합: 학습한 행에서 점수가 훨씬 높습니다. 데이터를 늘리거나 더 단순한 모델이 도움이 됩니다.</translation>
    </message>
    <message>
        <source>Underfit: it cannot even fit the rows it learned from; try a more flexible model or better features.</source>
        <translation>과소적합: 학습한 행조차 맞추지 못합니다. 더 유연한 모델이나 더 나은 특성을 시도하세요.</translation>
    </message>
    <message>
        <source>Balanced: training and validation scores are close.</source>
        <translation>균형: 학습 점수와 검증 점수가 비슷합니다.</translation>
    </message>
    <message>
        <source>Meets KPI</source>
        <translation>KPI 달성</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ 예</translation>
    </message>
    <message>
        <source>✗ no</source>
        <translation>✗ 아니요</translation>
    </message>
    <message>
        <source>The best: the highest</source>
        <translation>최고: 가장 높은 값</translation>
    </message>
    <message>
        <source>The best: the lowest</source>
        <translation>최고: 가장 낮은 값</translation>
    </message>
    <message>
        <source>Differs between the runs</source>
        <translation>실행마다 다릅니다</translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation>예측값 대 실제값</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation>특성 중요도</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>비즈니스 가치</translation>
    </message>
    <message>
        <source>Hyperparameters against the metric</source>
        <translation>지표 대비 하이퍼파라미터</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunDetailsPanel</name>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>비즈니스 가치</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>트리</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>What did you try, and what did you learn? Notes are saved with the run.</source>
        <translation>무엇을 시도했고 무엇을 알게 되었나요? 메모는 실행과 함께 저장됩니다.</translation>
    </message>
    <message>
        <source>Select one run in Experiments to see it in full.</source>
        <translation>실험에서 실행 하나를 선택하면 전체 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 · %2 · target %3</source>
        <translation>%1 · %2 · 대상 %3</translation>
    </message>
    <message>
        <source>Dataset version %1</source>
        <translation>데이터셋 버전 %1</translation>
    </message>
    <message>
        <source>No dataset version</source>
        <translation>데이터셋 버전 없음</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>시드 %1</translation>
    </message>
    <message>
        <source>Trained %1 in %2 s</source>
        <translation>%1에 학습, %2초 소요</translation>
    </message>
    <message>
        <source>Marked as the candidate for deployment</source>
        <translation>배포 후보로 표시됨</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message>
        <source>Meets the KPI (%1)</source>
        <translation>KPI 충족 (%1)</translation>
    </message>
    <message>
        <source>Misses the KPI (%1)</source>
        <translation>KPI 미달 (%1)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Register Model…</source>
        <translation>모델 등록…</translation>
    </message>
    <message>
        <source>Register this run&apos;s model as a new version in the model registry</source>
        <translation>이 실행의 모델을 모델 레지스트리에 새 버전으로 등록합니다</translation>
    </message>
    <message>
        <source>Only a finished run that kept its model can be registered</source>
        <translation>모델을 저장한 완료된 실행만 등록할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::RunTableModel</name>
    <message>
        <source>The candidate: the run chosen for deployment</source>
        <translation>후보: 배포하기로 고른 실행</translation>
    </message>
    <message>
        <source>%1 = %2 meets the target %3 %4</source>
        <translation>%1 = %2, 목표 %3 %4 달성</translation>
    </message>
    <message>
        <source>%1 = %2 misses the target %3 %4</source>
        <translation>%1 = %2, 목표 %3 %4 미달</translation>
    </message>
    <message>
        <source>This run has no %1 score</source>
        <translation>이 실행에는 %1 점수가 없습니다</translation>
    </message>
    <message>
        <source>Candidate: the run chosen for deployment</source>
        <translation>후보: 배포하기로 고른 실행</translation>
    </message>
    <message>
        <source>Set the project&apos;s KPI metric and target to judge every run</source>
        <translation>프로젝트의 KPI 지표와 목표를 정하면 모든 실행을 판정합니다</translation>
    </message>
    <message>
        <source>Whether the run reaches the project&apos;s target: %1 %2 %3</source>
        <translation>실행이 프로젝트 목표에 도달했는지: %1 %2 %3</translation>
    </message>
    <message>
        <source>%1 on cross-validation where the run has it, else on the test split, else on validation</source>
        <translation>%1: 교차 검증 점수가 있으면 그 값, 없으면 테스트 분할, 그것도 없으면 검증 분할의 값</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>후보</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>소요 시간(초)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Meets KPI</source>
        <translation>KPI 달성</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>이진 분류</translation>
    </message>
    <message>
        <source>Multiclass</source>
        <translation>다중 분류</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>군집화</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ScatterChart</name>
    <message>
        <source>Show Density</source>
        <translation>밀도 보기</translation>
    </message>
    <message>
        <source>Colour a grid by how many rows fall in each cell, instead of drawing a sample of points</source>
        <translation>점 표본을 그리는 대신 각 칸에 들어가는 행 수로 격자를 칠합니다</translation>
    </message>
    <message>
        <source>Choose two numeric columns to see how they relate.</source>
        <translation>관계를 볼 숫자 열 두 개를 고르세요.</translation>
    </message>
    <message>
        <source>No row has both %1 and %2 present.</source>
        <translation>%1과(와) %2이(가) 모두 있는 행이 없습니다.</translation>
    </message>
    <message>
        <source>No point has finite values to plot.</source>
        <translation>그릴 유한한 값을 가진 점이 없습니다.</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>밀도</translation>
    </message>
    <message>
        <source>Rows per cell</source>
        <translation>칸당 행 수</translation>
    </message>
    <message>
        <source>Density of all %1 points</source>
        <translation>점 %1개 전체의 밀도</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>행: %1</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 ~ %3</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(결측)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 points shown</source>
        <translation>점 %2개 중 %1개 표시</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ScheduleDialog</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>the column that joins labels to rows</source>
        <translation>레이블을 행에 연결하는 열</translation>
    </message>
    <message>
        <source>Run on this schedule while the studio is open</source>
        <translation>스튜디오가 열려 있는 동안 이 일정대로 실행</translation>
    </message>
    <message>
        <source>Monitoring Schedule</source>
        <translation>모니터링 일정</translation>
    </message>
    <message>
        <source>e.g. churn, daily</source>
        <translation>예: churn, 매일</translation>
    </message>
    <message>
        <source>A file, read again at every run</source>
        <translation>파일(실행할 때마다 다시 읽음)</translation>
    </message>
    <message>
        <source>A project dataset, its newest version</source>
        <translation>프로젝트 데이터셋(최신 버전)</translation>
    </message>
    <message>
        <source>An endpoint&apos;s request log</source>
        <translation>엔드포인트의 요청 로그</translation>
    </message>
    <message>
        <source>CSV, ARFF or JSON file</source>
        <translation>CSV, ARFF 또는 JSON 파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>last </source>
        <translation>최근 </translation>
    </message>
    <message>
        <source> h</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>optional: a file with the key and the true target</source>
        <translation>선택 사항: 키와 실제 타깃이 담긴 파일</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>기준선(&amp;B):</translation>
    </message>
    <message>
        <source>New &amp;data from:</source>
        <translation>새 데이터 출처(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation>레이블 파일(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Key column:</source>
        <translation>키 열(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Sensitive attribute:</source>
        <translation>민감 속성(&amp;S):</translation>
    </message>
    <message>
        <source>Run &amp;every:</source>
        <translation>실행 주기(&amp;E):</translation>
    </message>
    <message>
        <source>%1 (%2, %3 rows)</source>
        <translation>%1(%2, %3행)</translation>
    </message>
    <message>
        <source>Give the schedule a name.</source>
        <translation>일정의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Choose a baseline. New Baseline… creates one from the training data.</source>
        <translation>기준선을 고르세요. 새 기준선…으로 학습 데이터에서 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose the file new data is read from.</source>
        <translation>새 데이터를 읽을 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Choose the dataset new data is read from.</source>
        <translation>새 데이터를 읽을 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>Choose the endpoint whose requests are checked.</source>
        <translation>요청을 검사할 엔드포인트를 고르세요.</translation>
    </message>
    <message>
        <source>The interval must be above 0.</source>
        <translation>실행 주기는 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>Name the key column that joins the labels file to the batch&apos;s rows.</source>
        <translation>레이블 파일을 배치의 행에 연결할 키 열을 지정하세요.</translation>
    </message>
    <message>
        <source>New Data</source>
        <translation>새 데이터</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)</source>
        <translation>데이터 파일 (*.csv *.tsv *.txt *.arff *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Labels File</source>
        <translation>레이블 파일</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::SetAliasDialog</name>
    <message>
        <source>Set Alias of %1</source>
        <translation>%1의 별칭 지정</translation>
    </message>
    <message>
        <source>none (remove the alias)</source>
        <translation>없음 (별칭 제거)</translation>
    </message>
    <message>
        <source>Why? The history keeps it, e.g. “better recall on March data”</source>
        <translation>이유는? 이력에 남습니다. 예: “3월 데이터에서 재현율이 더 높음”</translation>
    </message>
    <message>
        <source>Set Alias</source>
        <translation>별칭 지정</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>별칭(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>이유(&amp;R):</translation>
    </message>
    <message>
        <source>%1 has no alias already.</source>
        <translation>%1에는 이미 별칭이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is %2 already.</source>
        <translation>%1은(는) 이미 %2입니다.</translation>
    </message>
    <message>
        <source>v%1, in production now, moves to archived; the history records both moves.</source>
        <translation>지금 운영 중인 v%1은(는) 보관으로 옮겨지며, 두 변경 모두 이력에 기록됩니다.</translation>
    </message>
    <message>
        <source>Batch scoring and endpoints that name “%1” without a version use the production version.</source>
        <translation>버전 없이 “%1”을(를) 지정한 일괄 예측과 엔드포인트는 운영 버전을 씁니다.</translation>
    </message>
    <message>
        <source>Give a reason: the history keeps it beside the move.</source>
        <translation>이유를 입력하세요. 변경과 함께 이력에 남습니다.</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::StepParameterForm</name>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <source>Used by min–max scaling only</source>
        <translation>최소–최대 스케일링에서만 씁니다</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Choose the keys first</source>
        <translation>먼저 키를 고르세요</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>같은 이름</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrainingPanel</name>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation>문제 유형</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>실행 이름</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <source>Classification (classes)</source>
        <translation>분류(클래스)</translation>
    </message>
    <message>
        <source>Regression (values)</source>
        <translation>회귀(값)</translation>
    </message>
    <message>
        <source>5-fold cross-validation</source>
        <translation>5겹 교차 검증</translation>
    </message>
    <message>
        <source>10-fold cross-validation</source>
        <translation>10겹 교차 검증</translation>
    </message>
    <message>
        <source>3-fold cross-validation</source>
        <translation>3겹 교차 검증</translation>
    </message>
    <message>
        <source>Holdout: 25% test</source>
        <translation>홀드아웃: 테스트 25%</translation>
    </message>
    <message>
        <source>Holdout: 60% train, 20% validation, 20% test</source>
        <translation>홀드아웃: 학습 60%, 검증 20%, 테스트 20%</translation>
    </message>
    <message>
        <source>Fill missing values (median, or the most frequent category)</source>
        <translation>결측값 채우기(중앙값 또는 가장 흔한 범주)</translation>
    </message>
    <message>
        <source>Learned from the training rows of each fold, as scikit-learn&apos;s SimpleImputer.</source>
        <translation>scikit-learn의 SimpleImputer처럼 각 폴드의 학습 행에서 배웁니다.</translation>
    </message>
    <message>
        <source>Draw the learning curve (bias/variance verdict)</source>
        <translation>학습 곡선 그리기(편향/분산 판정)</translation>
    </message>
    <message>
        <source>Fits again on growing shares of the rows: slower, but tells whether more data would help.</source>
        <translation>행의 비율을 늘려 가며 다시 학습합니다. 느리지만 데이터가 더 있으면 도움이 될지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Detected: binary classification (two classes).</source>
        <translation>감지됨: 이진 분류(클래스 두 개).</translation>
    </message>
    <message>
        <source>Detected: multiclass classification.</source>
        <translation>감지됨: 다중 클래스 분류.</translation>
    </message>
    <message>
        <source>Detected: regression (predicting a value).</source>
        <translation>감지됨: 회귀(값 예측).</translation>
    </message>
    <message>
        <source>Choose the column to predict first.</source>
        <translation>먼저 예측할 열을 고르세요.</translation>
    </message>
    <message>
        <source>No algorithm can learn this problem type.</source>
        <translation>이 문제 유형을 학습할 수 있는 알고리즘이 없습니다.</translation>
    </message>
    <message>
        <source>%1-fold cross-validation</source>
        <translation>%1겹 교차 검증</translation>
    </message>
    <message>
        <source>Holdout: %1% validation, %2% test</source>
        <translation>홀드아웃: 검증 %1%, 테스트 %2%</translation>
    </message>
    <message>
        <source>Holdout: %1% test</source>
        <translation>홀드아웃: 테스트 %1%</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrialScoreChart</name>
    <message>
        <source>Start a search to see each trial&apos;s score and the best so far.</source>
        <translation>탐색을 시작하면 시행별 점수와 지금까지의 최고 점수를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>조기 중단</translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation>지금까지의 최고</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>시행</translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) failed and are not drawn</source>
        <translation>
            <numerusform>시행 %n회가 실패하여 그리지 않았습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Trial %1 (%2)
%3: %4</source>
        <translation>시행 %1 (%2)
%3: %4</translation>
    </message>
    <message>
        <source>Stopped early by the median rule</source>
        <translation>중앙값 규칙으로 조기 중단됨</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TrialTableModel</name>
    <message>
        <source>Complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>조기 중단</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>폴드</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningForm</name>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Tune one algorithm</source>
        <translation>알고리즘 하나 튜닝</translation>
    </message>
    <message>
        <source>AutoML: every algorithm</source>
        <translation>AutoML: 모든 알고리즘</translation>
    </message>
    <message>
        <source>Bayesian (TPE)</source>
        <translation>베이지안 (TPE)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>그리드</translation>
    </message>
    <message>
        <source>Automatic (ROC AUC, accuracy or R²)</source>
        <translation>자동 (ROC AUC, 정확도 또는 R²)</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Stop poor trials early (median rule)</source>
        <translation>성적이 나쁜 시행은 일찍 중단 (중앙값 규칙)</translation>
    </message>
    <message>
        <source>Offer an ensemble of the top models</source>
        <translation>상위 모델의 앙상블도 제안</translation>
    </message>
    <message>
        <source>Named after the algorithm</source>
        <translation>알고리즘 이름을 따름</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>탐색:</translation>
    </message>
    <message>
        <source>Predict:</source>
        <translation>예측 대상:</translation>
    </message>
    <message>
        <source>Algorithm:</source>
        <translation>알고리즘:</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>전략:</translation>
    </message>
    <message>
        <source>Trials:</source>
        <translation>시행 수:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>제한 시간:</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>목표 지표:</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>폴드:</translation>
    </message>
    <message>
        <source>Trials at once:</source>
        <translation>동시 시행 수:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>How many hyperparameter settings to try</source>
        <translation>시도할 하이퍼파라미터 설정의 수</translation>
    </message>
    <message>
        <source>Stop after this many seconds; running trials finish first</source>
        <translation>이 시간(초)이 지나면 멈춥니다. 실행 중인 시행은 먼저 끝납니다</translation>
    </message>
    <message>
        <source>Each trial is judged by k-fold cross-validation</source>
        <translation>각 시행은 k-겹 교차 검증으로 평가됩니다</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningPanel</name>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Results of:</source>
        <translation>결과 보기:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어서 하기</translation>
    </message>
    <message>
        <source>Carry on a search that was stopped, from the trials the project holds</source>
        <translation>멈춘 탐색을 프로젝트에 저장된 시행부터 이어서 합니다</translation>
    </message>
    <message>
        <source>Open Best Run</source>
        <translation>최고 실행 열기</translation>
    </message>
    <message>
        <source>Compare Top Models</source>
        <translation>상위 모델 비교</translation>
    </message>
    <message>
        <source>The best model of each algorithm (or the best trials) side by side: metrics, ROC and precision–recall curves, confusion matrices and feature importances</source>
        <translation>알고리즘별 최고 모델(또는 최고 시행)을 나란히 비교합니다: 지표, ROC 및 정밀도–재현율 곡선, 혼동 행렬, 특성 중요도</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::TuningResultsView</name>
    <message>
        <source>Leaderboard</source>
        <translation>순위표</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>시행</translation>
    </message>
    <message>
        <source>Score by trial</source>
        <translation>시행별 점수</translation>
    </message>
    <message>
        <source>Hyperparameter</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>평행 좌표</translation>
    </message>
    <message>
        <source>Hyperparameter:</source>
        <translation>하이퍼파라미터:</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>최고 점수</translation>
    </message>
    <message>
        <source>Best %1</source>
        <translation>최고 %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
</context>
<context>
    <name>lathe::widgets::ViolationTimelineChart</name>
    <message>
        <source>Constraint violations by run</source>
        <translation>실행별 제약 조건 위반</translation>
    </message>
    <message>
        <source>No runs yet. Run Now compares the batch with the baseline.</source>
        <translation>아직 실행이 없습니다. 지금 실행을 누르면 배치를 기준선과 비교합니다.</translation>
    </message>
    <message>
        <source>No constraint was broken in these runs.
Edit Constraints… sets what new data must satisfy.</source>
        <translation>이 실행들에서는 어긴 제약 조건이 없습니다.
제약 조건 편집…에서 새 데이터가 지켜야 할 조건을 정하세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>For example: %1</source>
        <translation>예: %1</translation>
    </message>
</context>
</TS>
