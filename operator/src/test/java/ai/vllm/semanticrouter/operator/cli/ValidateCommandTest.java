package ai.vllm.semanticrouter.operator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidExtensionPasses() throws IOException {
        Files.writeString(dir.resolve("extra.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: user-extra}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: user-extra-configmap
                      base: {apiVersion: v1, kind: ConfigMap, metadata: {name: extra}, data: {a: b}}
                      patches:
                        - {fromFieldPath: metadata.name, toFieldPath: metadata.name, transforms: [{type: string, string: {type: Format, fmt: "%s-extra"}}]}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).as(result.out() + result.err()).isZero();
    }

    @Test
    void brokenFilesAreReportedWithFileLineAndColumn() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: broken}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: broken-one
                      base: {apiVersion: v1, kind: ConfigMap}
                      patches:
                        - {type: NoSuchPatch, fromFieldPath: a, toFieldPath: b}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).containsPattern(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: ");
    }

    @Test
    void aNameClashWithABuiltInIsAnError() throws IOException {
        Files.writeString(dir.resolve("clash.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: clash}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: deployment
                      base: {apiVersion: apps/v1, kind: Deployment}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("clash.yaml");
    }

    @Test
    void userFilesMayUseTheBuiltInPatchSets() throws IOException {
        Files.writeString(dir.resolve("uses-common.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: uses-common}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: uses-common-configmap
                      base: {apiVersion: v1, kind: ConfigMap, metadata: {name: extra}}
                      patches:
                        - {type: PatchSet, patchSetName: common-metadata}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).as(result.out() + result.err()).isZero();
    }

    @Test
    void aMisspeltFieldOfTheCrIsAnErrorNamingTheNearestField() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: typo}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: typo-configmap
                      condition: "has(composite.spec.persistence) && composite.spec.persistance.enabled"
                      base: {apiVersion: v1, kind: ConfigMap}
                      patches:
                        - {fromFieldPath: spec.persistance.size, toFieldPath: data.size}
                        - {fromFieldPath: spec.extensions.anything.goes, toFieldPath: data.extension}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(
                file + ":8:18: condition reads composite.spec.persistance.enabled (character 36): SemanticRouter has no "
                        + "field spec.persistance; did you mean composite.spec.persistence.enabled?",
                file + ":11:27: fromFieldPath 'spec.persistance.size': SemanticRouter has no field spec.persistance; "
                        + "did you mean spec.persistence.size?");
    }

    @Test
    void aCompositionForAnotherKindIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("other-kind.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: other-kind}
                spec:
                  compositeTypeRef: {apiVersion: example.com/v1, kind: Router}
                  resources:
                    - name: other-kind-configmap
                      base: {apiVersion: v1, kind: ConfigMap}
                """);
        RenderCommandTest.Result result = RenderCommandTest.run("validate", dir.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(file + ":5:56: compositeTypeRef is Router (example.com/v1), "
                + "but these compositions render SemanticRouter (vllm.ai/v1alpha1)");
    }
}
