// Risk management contracts (methodology, catalogues, assessments, scenarios, treatment, acceptance).
export {};
