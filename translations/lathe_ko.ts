<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
    <name>StudioDocks</name>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>No project contents yet</source>
        <translation>아직 프로젝트 내용이 없습니다</translation>
    </message>
    <message>
        <source>The project&apos;s datasets, pipelines, runs and models are listed here. Open a project, or drop a data file onto the window.</source>
        <translation>프로젝트의 데이터셋, 파이프라인, 실행 기록과 모델이 여기에 표시됩니다. 프로젝트를 열거나 데이터 파일을 창에 끌어다 놓으세요.</translation>
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
        <source>Select a column to see its distribution, or select runs to compare their ROC, precision-recall and confusion-matrix charts.</source>
        <translation>열을 선택하면 분포를 볼 수 있고, 실행을 선택하면 ROC, 정밀도-재현율, 혼동 행렬 차트를 비교할 수 있습니다.</translation>
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
    <name>lathe::app::JobManager</name>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>lathe::app::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
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
        <source>Save a copy of the project under a new name</source>
        <translation>프로젝트의 사본을 새 이름으로 저장합니다</translation>
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
        <source>Import data to start a pipeline: open a data file or drop one onto the window. Data, transform and model nodes then connect here.</source>
        <translation>데이터를 가져와 파이프라인을 시작하세요. 데이터 파일을 열거나 창에 끌어다 놓으면 됩니다. 그러면 데이터, 변환, 모델 노드가 여기에서 연결됩니다.</translation>
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
        <source>Started a new project.</source>
        <translation>새 프로젝트를 시작했습니다.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>프로젝트를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saving projects needs the project store, which this build does not have yet. Nothing was written to “%1”.</source>
        <translation>프로젝트를 저장하려면 프로젝트 저장소가 필요한데, 이 빌드에는 아직 없습니다. “%1”에는 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opening projects needs the project store, which this build does not have yet. “%1” was left untouched.</source>
        <translation>프로젝트를 열려면 프로젝트 저장소가 필요한데, 이 빌드에는 아직 없습니다. “%1” 파일은 그대로 두었습니다.</translation>
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
</context>
<context>
    <name>lathe::app::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
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
</TS>
