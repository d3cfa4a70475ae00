package irw.xrd.physics;

import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-the-fly draws' fused Kα-doublet renderer against the renderer the data sets use. */
class ProfileRendererTest {
    @Test
    void fusedDoubletsDrawTheSameProfileAsRenderUpToRounding() {
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        Wavelength cu = Wavelength.CU_KALPHA;
        StickBuffer sticks = new StickBuffer();
        // a narrow and a broad peak mid-range, windows cut by both grid ends, a peak whose window lies beyond the grid, and a
        // reflection whose Kα2 line cannot diffract (λ2 / 2d ≥ 1: Kα1 only)
        for (double twoTheta : new double[]{31.7, 45.4, 5.2, 79.9, 150.0}) {
            sticks.add(twoTheta, cu.kAlpha1() / (2 * Math.sin(Math.toRadians(twoTheta / 2))), 100 * Math.cos(Math.toRadians(twoTheta / 3)));
        }
        sticks.add(179.5, 0.7711, 3);
        for (PeakProfile profile : List.of(PeakProfile.laboratory(), PeakProfile.laboratory().withCrystalliteSize(6).withZeroShift(-0.2),
                PeakProfile.laboratory().withEta(0.1).withZeroShift(0.3))) {
            double[] expected = new double[grid.points()];
            ProfileRenderer.render(sticks, cu, grid, profile, expected);
            double[] fused = new double[grid.points()];
            fused[3] = 0.5; // adds, never overwrites
            ProfileRenderer.renderDoublets(sticks, cu, grid, profile, fused);
            double max = java.util.Arrays.stream(expected).max().orElseThrow();
            assertThat(max).isGreaterThan(1);
            for (int i = 0; i < grid.points(); i++) {
                assertThat(Math.abs(fused[i] - (i == 3 ? 0.5 : 0) - expected[i])).as("point %d, %s", i, profile).isLessThanOrEqualTo(1e-13 * max);
            }
        }
    }

    @Test
    void withoutKAlpha2TheFusedRendererIsRenderBitForBit() {
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        StickBuffer sticks = new StickBuffer();
        sticks.add(40, 2.25, 10);
        sticks.add(41, 2.2, 5);
        PeakProfile noDoublet = PeakProfile.laboratory().withKAlpha2(false);
        double[] expected = new double[grid.points()];
        ProfileRenderer.render(sticks, Wavelength.CU_KALPHA, grid, noDoublet, expected);
        double[] fused = new double[grid.points()];
        ProfileRenderer.renderDoublets(sticks, Wavelength.CU_KALPHA, grid, noDoublet, fused);
        assertThat(fused).containsExactly(expected);
    }
}
