package irw.ui;

import irw.core.ProductVersion;
import irw.ui.common.FxmlLayout;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;

/** Help ▸ About (AboutPane.fxml): the product, its version, and the Java, JavaFX and compute backend it runs on. */
public final class AboutPane extends DialogPane {
    @FXML
    private Label aboutText;

    public AboutPane(String backend) {
        FxmlLayout.load(this);
        aboutText.setText("Version " + ProductVersion.get() + "\n\n"
                + "Refines imperfect X-ray diffraction patterns toward ideal ones with imitation refinement "
                + "(Bai et al., AAAI 2019).\n\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.runtime.version", "?")
                + "\nbackend: " + backend);
    }

    public String text() {
        return aboutText.getText();
    }
}
