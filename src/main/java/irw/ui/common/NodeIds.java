package irw.ui.common;

/**
 * Every node id of the workbench, in one place: the FXML layouts under {@code resources/irw/ui/}
 * declare them (fx:id, which also sets the node's id), views look nodes up by them, and tests and
 * the user guide refer to them. {@code NodeIdsTest} checks that this list, the FXML files and the
 * live window agree.
 */
public final class NodeIds {
    // MainWindow.fxml
    public static final String MAIN_WINDOW = "mainWindow";
    public static final String MENU_BAR = "menuBar";
    public static final String MENU_FILE = "menuFile";
    public static final String MENU_OPEN_FILES = "menuOpenFiles";
    public static final String MENU_OPEN_FOLDER = "menuOpenFolder";
    public static final String MENU_OPEN_SAMPLE_DATA = "menuOpenSampleData";
    public static final String MENU_OPEN_MODEL = "menuOpenModel";
    public static final String MENU_EXPORT = "menuExport";
    public static final String MENU_CANCEL_JOBS = "menuCancelJobs";
    public static final String MENU_QUIT = "menuQuit";
    public static final String MENU_PATTERN = "menuPattern";
    public static final String MENU_NEXT_PATTERN = "menuNextPattern";
    public static final String MENU_PREVIOUS_PATTERN = "menuPreviousPattern";
    public static final String MENU_VIEW = "menuView";
    public static final String MENU_VIEW_DATA = "menuViewDATA";
    public static final String MENU_VIEW_SPECTRA = "menuViewSPECTRA";
    public static final String MENU_VIEW_HEATMAPS = "menuViewHEATMAPS";
    public static final String MENU_VIEW_TRAINING = "menuViewTRAINING";
    public static final String MENU_VIEW_EMBEDDING = "menuViewEMBEDDING";
    public static final String MENU_VIEW_DIGITS = "menuViewDIGITS";
    public static final String MENU_VIEW_EXPORT = "menuViewEXPORT";
    public static final String MENU_VIEW_IDENTIFY = "menuViewIDENTIFY";
    public static final String MENU_HELP = "menuHelp";
    public static final String MENU_SHORTCUTS = "menuShortcuts";
    public static final String MENU_ABOUT = "menuAbout";
    public static final String MAIN_SPLIT = "mainSplit";
    public static final String MAIN_TABS = "mainTabs";
    public static final String TAB_DATA = "tabData";
    public static final String TAB_SPECTRA = "tabSpectra";
    public static final String TAB_HEATMAPS = "tabHeatmaps";
    public static final String TAB_TRAINING = "tabTraining";
    public static final String TAB_EMBEDDING = "tabEmbedding";
    public static final String TAB_DIGITS = "tabDigits";
    public static final String TAB_EXPORT = "tabExport";
    public static final String TAB_IDENTIFY = "tabIdentify";
    // StatusBar.fxml
    public static final String STATUS_BAR = "statusBar";
    public static final String STATUS_BACKEND = "statusBackend";
    public static final String STATUS_SERVICE = "statusService";
    public static final String STATUS_MODELS = "statusModels";
    public static final String STATUS_JOBS = "statusJobs";
    public static final String STATUS_PROGRESS = "statusProgress";
    public static final String STATUS_CANCEL = "statusCancel";
    // NotificationArea.fxml
    public static final String NOTIFICATION_AREA = "notificationArea";
    public static final String CLEAR_NOTIFICATIONS = "clearNotifications";
    public static final String NOTIFICATION_LIST = "notificationList";
    // DataView.fxml
    public static final String DATA_VIEW = "dataView";
    public static final String OPEN_FILES_BUTTON = "openFilesButton";
    public static final String OPEN_FOLDER_BUTTON = "openFolderButton";
    public static final String CLEAR_BUTTON = "clearButton";
    public static final String LOAD_PROGRESS = "loadProgress";
    public static final String CANCEL_LOAD_BUTTON = "cancelLoadButton";
    public static final String DATA_STATUS = "dataStatus";
    public static final String PATTERN_TABLE = "patternTable";
    public static final String NAME_COLUMN = "nameColumn";
    public static final String FORMAT_COLUMN = "formatColumn";
    public static final String RANGE_COLUMN = "rangeColumn";
    public static final String POINTS_COLUMN = "pointsColumn";
    public static final String WAVELENGTH_COLUMN = "wavelengthColumn";
    public static final String BEST_MATCH_COLUMN = "bestMatchColumn";
    public static final String PREDICTION_COLUMN = "predictionColumn";
    public static final String REFINED_COLUMN = "refinedColumn";
    public static final String ERROR_COLUMN = "errorColumn";
    public static final String PATTERN_CONTEXT_MENU = "patternContextMenu";
    public static final String CONTEXT_OPEN_IN_SPECTRA = "contextOpenInSpectra";
    public static final String CONTEXT_REFINE = "contextRefine";
    public static final String CONTEXT_IDENTIFY = "contextIdentify";
    public static final String CONTEXT_EXPORT = "contextExport";
    public static final String CONTEXT_REMOVE = "contextRemove";
    // SpectraView.fxml
    public static final String SPECTRA_VIEW = "spectraView";
    public static final String AXIS_CHOICE = "axisChoice";
    public static final String LOG_INTENSITY_TOGGLE = "logIntensityToggle";
    public static final String SPECTRA_TITLE = "spectraTitle";
    public static final String SPECTRA_CHART = "spectraChart";
    public static final String SPECTRA_XAXIS = "spectraXAxis";
    public static final String SPECTRA_YAXIS = "spectraYAxis";
    // RefinementPanel.fxml
    public static final String REFINEMENT_PANEL = "refinementPanel";
    public static final String REFINEMENT_STATUS = "refinementStatus";
    public static final String LIVE_PREVIEW_TOGGLE = "livePreviewToggle";
    public static final String PREVIEW_ALPHA = "previewAlpha";
    public static final String PREVIEW_ALPHA_SLIDER = "previewAlphaSlider";
    public static final String PREVIEW_ALPHA_FIELD = "previewAlphaField";
    public static final String PREVIEW_BETA = "previewBeta";
    public static final String PREVIEW_BETA_SLIDER = "previewBetaSlider";
    public static final String PREVIEW_BETA_FIELD = "previewBetaField";
    public static final String REFINEMENT_STEPS = "refinementSteps";
    public static final String ACCEPT_PREVIEW_BUTTON = "acceptPreviewButton";
    public static final String REFINE_BATCH_BUTTON = "refineBatchButton";
    // HeatmapView.fxml
    public static final String HEATMAP_VIEW = "heatmapView";
    public static final String HEATMAP_KIND = "heatmapKind";
    public static final String HEATMAP_STATUS = "heatmapStatus";
    public static final String HEATMAP_CHART = "heatmapChart";
    public static final String HEATMAP_XAXIS = "heatmapXAxis";
    public static final String HEATMAP_ROW_AXIS = "heatmapRowAxis";
    // TrainingView.fxml
    public static final String TRAINING_VIEW = "trainingView";
    public static final String CONNECT_SERVICE_BUTTON = "connectServiceButton";
    public static final String TRAINING_SERVICE_STATE = "trainingServiceState";
    public static final String TRAINING_BACKEND = "trainingBackend";
    public static final String RUN_FORM = "runForm";
    public static final String RUN_KIND = "runKind";
    public static final String RUN_NAME = "runName";
    public static final String RUN_TRAIN_DATA = "runTrainData";
    public static final String RUN_TRAIN_DATA_BROWSE = "runTrainDataBrowse";
    public static final String RUN_LAB_CIFS_ROW = "runLabCifsRow";
    public static final String RUN_LAB_CIFS = "runLabCifs";
    public static final String RUN_LAB_CIFS_BROWSE = "runLabCifsBrowse";
    public static final String RUN_CLASSIFIER_ROW = "runClassifierRow";
    public static final String RUN_CLASSIFIER = "runClassifier";
    public static final String RUN_CLASSIFIER_BROWSE = "runClassifierBrowse";
    public static final String RUN_TARGETED_ROW = "runTargetedRow";
    public static final String RUN_TARGETED = "runTargeted";
    public static final String RUN_SEED = "runSeed";
    public static final String RUN_EPOCHS_ROW = "runEpochsRow";
    public static final String RUN_EPOCHS = "runEpochs";
    public static final String RUN_MODEL_SIZE_ROW = "runModelSizeRow";
    public static final String RUN_MODEL_SIZE = "runModelSize";
    public static final String RUN_WEIGHTS_TITLE = "runWeightsTitle";
    public static final String TRAINING_ALPHA = "trainingAlpha";
    public static final String TRAINING_ALPHA_SLIDER = "trainingAlphaSlider";
    public static final String TRAINING_ALPHA_FIELD = "trainingAlphaField";
    public static final String TRAINING_BETA = "trainingBeta";
    public static final String TRAINING_BETA_SLIDER = "trainingBetaSlider";
    public static final String TRAINING_BETA_FIELD = "trainingBetaField";
    public static final String TRAINING_LAMBDA = "trainingLambda";
    public static final String TRAINING_LAMBDA_SLIDER = "trainingLambdaSlider";
    public static final String TRAINING_LAMBDA_FIELD = "trainingLambdaField";
    public static final String SUBMIT_RUN_BUTTON = "submitRunButton";
    public static final String REFRESH_RUNS_BUTTON = "refreshRunsButton";
    public static final String CANCEL_RUN_BUTTON = "cancelRunButton";
    public static final String OPEN_MODEL_BUTTON = "openModelButton";
    public static final String RUN_TABLE = "runTable";
    public static final String RUN_LIST_HINT = "runListHint";
    public static final String RUN_ID_COLUMN = "runIdColumn";
    public static final String RUN_NAME_COLUMN = "runNameColumn";
    public static final String RUN_KIND_COLUMN = "runKindColumn";
    public static final String RUN_STATE_COLUMN = "runStateColumn";
    public static final String RUN_PROGRESS_COLUMN = "runProgressColumn";
    public static final String RUN_REASON_COLUMN = "runReasonColumn";
    public static final String TRAINING_LOSS_CHART = "trainingLossChart";
    public static final String TRAINING_LOSS_STEP_AXIS = "trainingLossStepAxis";
    public static final String TRAINING_LOSS_AXIS = "trainingLossAxis";
    public static final String TRAINING_ACCURACY_CHART = "trainingAccuracyChart";
    public static final String TRAINING_ACCURACY_STEP_AXIS = "trainingAccuracyStepAxis";
    public static final String TRAINING_ACCURACY_AXIS = "trainingAccuracyAxis";
    // EmbeddingView.fxml
    public static final String EMBEDDING_VIEW = "embeddingView";
    public static final String COMPUTE_EMBEDDING_BUTTON = "computeEmbeddingButton";
    public static final String EXPORT_EMBEDDING_BUTTON = "exportEmbeddingButton";
    public static final String EMBEDDING_STATUS = "embeddingStatus";
    public static final String EMBEDDING_HOVER = "embeddingHover";
    public static final String EMBEDDING_CHART = "embeddingChart";
    public static final String EMBEDDING_XAXIS = "embeddingXAxis";
    public static final String EMBEDDING_YAXIS = "embeddingYAxis";
    public static final String EMBEDDING_LEGEND = "embeddingLegend";
    // DigitsView.fxml
    public static final String DIGITS_VIEW = "digitsView";
    public static final String DIGIT_CANVAS = "digitCanvas";
    public static final String CLEAR_DIGIT_BUTTON = "clearDigitButton";
    public static final String DIGIT_SOURCE = "digitSource";
    public static final String PREVIOUS_DIGIT_BUTTON = "previousDigitButton";
    public static final String NEXT_DIGIT_BUTTON = "nextDigitButton";
    public static final String DIGIT_STATUS = "digitStatus";
    public static final String DIGIT_PROBABILITIES = "digitProbabilities";
    public static final String PROBABILITY_BEFORE_0 = "probabilityBefore0";
    public static final String PROBABILITY_AFTER_0 = "probabilityAfter0";
    public static final String PROBABILITY_BEFORE_1 = "probabilityBefore1";
    public static final String PROBABILITY_AFTER_1 = "probabilityAfter1";
    public static final String PROBABILITY_BEFORE_2 = "probabilityBefore2";
    public static final String PROBABILITY_AFTER_2 = "probabilityAfter2";
    public static final String PROBABILITY_BEFORE_3 = "probabilityBefore3";
    public static final String PROBABILITY_AFTER_3 = "probabilityAfter3";
    public static final String PROBABILITY_BEFORE_4 = "probabilityBefore4";
    public static final String PROBABILITY_AFTER_4 = "probabilityAfter4";
    public static final String PROBABILITY_BEFORE_5 = "probabilityBefore5";
    public static final String PROBABILITY_AFTER_5 = "probabilityAfter5";
    public static final String PROBABILITY_BEFORE_6 = "probabilityBefore6";
    public static final String PROBABILITY_AFTER_6 = "probabilityAfter6";
    public static final String PROBABILITY_BEFORE_7 = "probabilityBefore7";
    public static final String PROBABILITY_AFTER_7 = "probabilityAfter7";
    public static final String PROBABILITY_BEFORE_8 = "probabilityBefore8";
    public static final String PROBABILITY_AFTER_8 = "probabilityAfter8";
    public static final String PROBABILITY_BEFORE_9 = "probabilityBefore9";
    public static final String PROBABILITY_AFTER_9 = "probabilityAfter9";
    public static final String DIGIT_VERDICT = "digitVerdict";
    public static final String DIGIT_STEP_PHYSICS = "digitStepPhysics";
    public static final String REFINED_DIGIT_CANVAS = "refinedDigitCanvas";
    public static final String DIGIT_STEPS_CANVAS = "digitStepsCanvas";
    public static final String DIGITS_ALPHA = "digitsAlpha";
    public static final String DIGITS_ALPHA_SLIDER = "digitsAlphaSlider";
    public static final String DIGITS_ALPHA_FIELD = "digitsAlphaField";
    public static final String DIGITS_BETA = "digitsBeta";
    public static final String DIGITS_BETA_SLIDER = "digitsBetaSlider";
    public static final String DIGITS_BETA_FIELD = "digitsBetaField";
    // ExportView.fxml
    public static final String EXPORT_VIEW = "exportView";
    public static final String EXPORT_SCOPE = "exportScope";
    public static final String EXPORT_FORMAT = "exportFormat";
    public static final String EXPORT_INCLUDE_RAW = "exportIncludeRaw";
    public static final String EXPORT_INCLUDE_TRUTH = "exportIncludeTruth";
    public static final String EXPORT_TARGET = "exportTarget";
    public static final String EXPORT_BROWSE = "exportBrowse";
    public static final String EXPORT_BUTTON = "exportButton";
    public static final String EXPORT_STATUS = "exportStatus";
    // AboutPane.fxml
    public static final String ABOUT_PANE = "aboutPane";
    public static final String ABOUT_TEXT = "aboutText";
    // ShortcutsPane.fxml
    public static final String SHORTCUTS_PANE = "shortcutsPane";
    public static final String SHORTCUTS_TABLE = "shortcutsTable";
    public static final String SHORTCUT_KEYS_COLUMN = "shortcutKeysColumn";
    public static final String SHORTCUT_ACTION_COLUMN = "shortcutActionColumn";

    private NodeIds() {
    }

    // the Identify view (search-match)
    public static final String BACKGROUND_WIDTH = "backgroundWidth";
    public static final String CANDIDATE_TABLE = "candidateTable";
    public static final String EXPORT_PEAKS_BUTTON = "exportPeaksButton";
    public static final String IDENTIFY_ALL_BUTTON = "identifyAllButton";
    public static final String IDENTIFY_BUTTON = "identifyButton";
    public static final String IDENTIFY_CANCEL_BUTTON = "identifyCancelButton";
    public static final String IDENTIFY_CHART = "identifyChart";
    public static final String IDENTIFY_STATUS = "identifyStatus";
    public static final String IDENTIFY_VIEW = "identifyView";
    public static final String MIN_PEAK_PERCENT = "minPeakPercent";
    public static final String PEAK_TABLE = "peakTable";
    public static final String REFERENCE_METRICS = "referenceMetrics";
    public static final String SET_WAVELENGTH_BUTTON = "setWavelengthButton";
    public static final String SMOOTH_TOGGLE = "smoothToggle";
    public static final String STRIP_K_ALPHA2 = "stripKAlpha2";
    public static final String SUBTRACT_BACKGROUND = "subtractBackground";
    public static final String USE_AS_REFERENCE_BUTTON = "useAsReferenceButton";
    public static final String WAVELENGTH_FIELD = "wavelengthField";
    public static final String IDENTIFY_X_AXIS = "identifyXAxis";
    public static final String IDENTIFY_Y_AXIS = "identifyYAxis";
    public static final String FULL_RANGE_BUTTON = "fullRangeButton";
    public static final String PEAK_TITLE = "peakTitle";
    public static final String CANDIDATE_PHASE_COLUMN = "candidatePhaseColumn";
    public static final String CANDIDATE_RANK_COLUMN = "candidateRankColumn";
    public static final String CANDIDATE_MINERAL_COLUMN = "candidateMineralColumn";
    public static final String CANDIDATE_FORMULA_COLUMN = "candidateFormulaColumn";
    public static final String CANDIDATE_SPACE_GROUP_COLUMN = "candidateSpaceGroupColumn";
    public static final String CANDIDATE_SYSTEM_COLUMN = "candidateSystemColumn";
    public static final String CANDIDATE_SCORE_COLUMN = "candidateScoreColumn";
    public static final String PEAK_TWO_THETA_COLUMN = "peakTwoThetaColumn";
    public static final String PEAK_D_COLUMN = "peakDColumn";
    public static final String PEAK_INTENSITY_COLUMN = "peakIntensityColumn";
    public static final String PEAK_FWHM_COLUMN = "peakFwhmColumn";
}
