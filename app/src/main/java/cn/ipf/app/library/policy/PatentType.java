package cn.ipf.app.library.policy;

/** 专利类型 patent type: 发明 invention, 实用新型 utility model, 外观设计 design. */
public enum PatentType { INVENTION, UTILITY_MODEL, DESIGN }
