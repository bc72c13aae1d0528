package ai.vllm.semanticrouter.operator.apply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** Table of "desired ⊆ live" cases: desired, live (flow YAML), whether the live object already matches. */
class LiveMatchTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            server defaults are ignored          | {spec: {a: 1}}                        | {spec: {a: 1, b: 2}, status: {x: 1}}        | true
            a changed scalar is seen             | {spec: {a: 1}}                        | {spec: {a: 2}}                              | false
            a missing field is seen              | {spec: {a: 1}}                        | {spec: {}}                                  | false
            cpu quantities compare by amount     | {resources: {limits: {cpu: 1000m}}}   | {resources: {limits: {cpu: '1'}}}           | true
            memory quantities compare by amount  | {resources: {requests: {memory: 1Gi}}}| {resources: {requests: {memory: 1024Mi}}}   | true
            different quantities differ          | {resources: {limits: {cpu: 500m}}}    | {resources: {limits: {cpu: '1'}}}           | false
            number against numeric text          | {port: {targetPort: 8080}}            | {port: {targetPort: '8080'}}                | true
            int against long                     | {a: 1}                                | {a: 1.0}                                    | true
            text is not compared as a number     | {data: {v: '1'}}                      | {data: {v: '1.0'}}                          | false
            empty object matches absent          | {spec: {securityContext: {}}}         | {spec: {}}                                  | true
            empty list matches absent            | {spec: {env: []}}                     | {spec: {}}                                  | true
            list elements match by position      | {c: [{name: a}, {name: b}]}           | {c: [{name: a, x: 1}, {name: b, y: 2}]}     | true
            a list of another length differs     | {c: [{name: a}]}                      | {c: [{name: a}, {name: b}]}                 | false
            hpa-owned replicas are not compared  | {spec: {template: {a: 1}}}            | {spec: {replicas: 7, template: {a: 1}}}     | true
            hpa metrics match in any order       | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu}, {n: memory}]}} | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: memory, x: 1}, {n: cpu}]}} | true
            hpa metrics: a change is still seen  | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu, t: 80}, {n: memory, t: 70}]}} | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: memory, t: 80}, {n: cpu, t: 70}]}} | false
            hpa metrics: one live element each   | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu}, {n: cpu}]}} | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu}, {n: memory}]}} | false
            hpa metrics of another length differ | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu}]}} | {kind: HorizontalPodAutoscaler, spec: {metrics: [{n: cpu}, {n: memory}]}} | false
            containers keep their order          | {kind: Deployment, spec: {template: {spec: {containers: [{name: a}, {name: b}]}}}} | {kind: Deployment, spec: {template: {spec: {containers: [{name: b}, {name: a}]}}}} | false
            metrics of another kind keep order   | {kind: Widget, spec: {metrics: [a, b]}} | {kind: Widget, spec: {metrics: [b, a]}} | false
            """)
    void desiredSubsetOfLive(String name, String desired, String live, boolean matches) {
        assertThat(LiveMatch.covers(yaml(desired), yaml(live))).isEqualTo(matches);
    }
}
