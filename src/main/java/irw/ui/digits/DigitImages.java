package irw.ui.digits;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws a 28×28 ink image onto a canvas as enlarged pixels, white ink on black like MNIST. */
final class DigitImages {
    private DigitImages() {
    }

    static void paint(Canvas canvas, float[] image) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cell = canvas.getWidth() / 28;
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image == null) {
            return;
        }
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = image[y * 28 + x];
                if (v > 0.004f) {
                    g.setFill(Color.gray(Math.min(1, v)));
                    g.fillRect(x * cell, y * cell, cell, cell);
                }
            }
        }
    }
}
