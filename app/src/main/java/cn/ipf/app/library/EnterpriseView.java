package cn.ipf.app.library;

import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClass;

/** An enterprise as shown: the stored record plus what is derived (size class, masked identity number). */
public record EnterpriseView(EnterpriseRecord record, Sector sector, SizeClass sizeClass, String legalRepIdMasked,
        ReputationMapper.RatingRow latestRating) {
}
