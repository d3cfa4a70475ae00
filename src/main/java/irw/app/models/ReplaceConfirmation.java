package irw.app.models;

/**
 * Asks the user before a model that the workbench's results depend on is replaced (the window
 * shows a dialog; tests answer directly). Answers true to go ahead.
 */
@FunctionalInterface
public interface ReplaceConfirmation {
    boolean confirm(String question);
}
